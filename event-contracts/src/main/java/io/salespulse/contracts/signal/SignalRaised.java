package io.salespulse.contracts.signal;

import io.salespulse.contracts.org.Language;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A condition was detected. Type {@code salespulse.signal.raised.v1}.
 *
 * @param signalId        the signal
 * @param type            what kind
 * @param subjectKind     what it is about
 * @param subjectId       the rep, deal, team or objective id
 * @param repId           the rep concerned, if any
 * @param teamId          the team concerned
 * @param severity        how urgent
 * @param evidence        the figures and threshold that made it
 * @param suggestedAction a coaching action per language
 * @param deal            the deal, for a signal about a deal ({@code null} otherwise)
 * @param linkedTo        the signal this one is part of ({@code null}: none), e.g. a rep's activity drop raised while
 *                        most of its team drops: told with the team's signal, not on its own
 * @param occurredAt      when it was detected
 */
public record SignalRaised(
        String signalId,
        SignalType type,
        SubjectKind subjectKind,
        String subjectId,
        String repId,
        String teamId,
        Severity severity,
        List<Evidence> evidence,
        Map<Language, String> suggestedAction,
        DealSummary deal,
        String linkedTo,
        Instant occurredAt)
        implements SignalEvent {

    /** A signal linked to no other. */
    public SignalRaised(
            String signalId,
            SignalType type,
            SubjectKind subjectKind,
            String subjectId,
            String repId,
            String teamId,
            Severity severity,
            List<Evidence> evidence,
            Map<Language, String> suggestedAction,
            DealSummary deal,
            Instant occurredAt) {
        this(
                signalId,
                type,
                subjectKind,
                subjectId,
                repId,
                teamId,
                severity,
                evidence,
                suggestedAction,
                deal,
                null,
                occurredAt);
    }

    /** A signal about something other than a deal. */
    public SignalRaised(
            String signalId,
            SignalType type,
            SubjectKind subjectKind,
            String subjectId,
            String repId,
            String teamId,
            Severity severity,
            List<Evidence> evidence,
            Map<Language, String> suggestedAction,
            Instant occurredAt) {
        this(
                signalId,
                type,
                subjectKind,
                subjectId,
                repId,
                teamId,
                severity,
                evidence,
                suggestedAction,
                null,
                null,
                occurredAt);
    }

    /** This signal as it now stands after an update: the new severity and figures, all else as raised. */
    public SignalRaised updatedBy(SignalUpdated update) {
        return new SignalRaised(
                signalId,
                type,
                subjectKind,
                subjectId,
                repId,
                teamId,
                update.severity(),
                update.evidence(),
                suggestedAction,
                deal,
                linkedTo,
                occurredAt);
    }
}

package io.salespulse.coaching.signals;

import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.signal.DealSummary;
import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.contracts.signal.SubjectKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A signal with its lifecycle, as stored and served.
 *
 * @param signalId        the signal
 * @param type            what kind
 * @param subjectKind     what it is about
 * @param subjectId       the rep, deal, team or objective
 * @param repId           the rep concerned
 * @param teamId          the rep's team
 * @param severity        how urgent
 * @param status          OPEN, ACKNOWLEDGED or RESOLVED
 * @param evidence        the figures and threshold
 * @param suggestedAction a coaching action per language
 * @param raisedAt        when it was raised
 * @param updatedAt       when its figures last changed
 * @param acknowledgedAt  when a manager acknowledged it
 * @param acknowledgedBy  who
 * @param note            the manager's note
 * @param resolvedAt      when the condition cleared
 * @param resolution      why it is resolved
 * @param deal            the deal a deal signal is about (name, amount, stage, close date, CRM link); null otherwise
 * @param linkedTo        the signal this one is part of (a rep's activity drop within its team's), null otherwise
 */
public record Signal(
        String signalId,
        SignalType type,
        SubjectKind subjectKind,
        String subjectId,
        String repId,
        String teamId,
        Severity severity,
        SignalStatus status,
        List<Evidence> evidence,
        Map<Language, String> suggestedAction,
        Instant raisedAt,
        Instant updatedAt,
        Instant acknowledgedAt,
        String acknowledgedBy,
        String note,
        Instant resolvedAt,
        String resolution,
        DealSummary deal,
        String linkedTo) {}

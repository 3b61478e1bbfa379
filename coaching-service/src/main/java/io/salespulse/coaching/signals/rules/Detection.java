package io.salespulse.coaching.signals.rules;

import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.contracts.signal.SubjectKind;
import java.util.List;

/**
 * What a rule found: the condition holds for this subject, with this severity, because of these figures.
 *
 * @param type        the signal type
 * @param subjectKind what it is about
 * @param subjectId   the rep, deal, team or objective
 * @param severity    how urgent
 * @param evidence    the figures and the threshold
 */
public record Detection(
        SignalType type, SubjectKind subjectKind, String subjectId, Severity severity, List<Evidence> evidence) {}

package io.salespulse.contracts.org;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A rep's absence as it now is (recorded, changed or cancelled). Type {@code salespulse.rep.absence.v1}, key
 * {@code absence:<absenceId>}. Its days are not working days for the rep: no silence or activity drop is judged on
 * them, and a rep objective's elapsed share skips them.
 *
 * @param absenceId  the absence
 * @param repId      the rep who is away
 * @param from       the first day away, in the team's zone
 * @param to         the last day away, inclusive
 * @param kind       leave, sick, training or other
 * @param cancelled  whether the absence was withdrawn (its days are working days again)
 * @param occurredAt when the change was made
 */
public record RepAbsence(
        String absenceId,
        String repId,
        LocalDate from,
        LocalDate to,
        AbsenceKind kind,
        boolean cancelled,
        Instant occurredAt)
        implements OrgEvent {

    /** Whether the rep is away on this day. */
    public boolean covers(LocalDate day) {
        return !cancelled && !day.isBefore(from) && !day.isAfter(to);
    }

    @Override
    public String partitionKey() {
        return OrgEvent.absenceKey(absenceId);
    }
}

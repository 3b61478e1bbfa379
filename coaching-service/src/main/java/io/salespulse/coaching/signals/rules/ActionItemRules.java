package io.salespulse.coaching.signals.rules;

import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.contracts.signal.SubjectKind;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Action items agreed in a rep's 1:1s and left past their due date: one signal per rep, told in the daily digest. */
public final class ActionItemRules {

    private ActionItemRules() {}

    /**
     * @param overdueDues the due dates of the rep's open items that are past (before {@code today})
     */
    public static Optional<Detection> overdue(String repId, Collection<LocalDate> overdueDues, LocalDate today) {
        if (overdueDues.isEmpty()) {
            return Optional.empty();
        }
        LocalDate oldest = overdueDues.stream().min(LocalDate::compareTo).orElseThrow();
        return Optional.of(new Detection(
                SignalType.ACTION_ITEMS_OVERDUE,
                SubjectKind.REP,
                repId,
                Severity.WARNING,
                List.of(
                        Evidence.of("overdueItems", overdueDues.size()),
                        Evidence.of("daysOverdue", ChronoUnit.DAYS.between(oldest, today)))));
    }
}

package io.salespulse.coaching.signals;

import io.salespulse.coaching.oneonones.OneOnOneRecords;
import io.salespulse.coaching.signals.rules.ActionItemRules;
import io.salespulse.contracts.signal.SignalType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** Overdue action items of the rep's 1:1s: one signal while any is past its date and not done. */
@Component
class ActionItemsJudge implements SignalJudge {

    private final OneOnOneRecords oneOnOnes;
    private final SignalStore book;
    private final Clock clock;

    ActionItemsJudge(OneOnOneRecords oneOnOnes, SignalStore book, Clock clock) {
        this.oneOnOnes = oneOnOnes;
        this.book = book;
        this.clock = clock;
    }

    @Override
    public void judgeRep(Rep rep, RepChange change) {
        if (!change.in(RepChange.ACTION_ITEMS, RepChange.HOURLY)) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(rep.zone()));
        List<LocalDate> overdue = rep.rep().active()
                ? oneOnOnes.openItems(rep.repId(), today).stream()
                        .filter(OneOnOneRecords.OpenItem::overdue)
                        .map(OneOnOneRecords.OpenItem::due)
                        .toList()
                : List.of();
        book.sync(
                SignalType.ACTION_ITEMS_OVERDUE,
                rep.repId(),
                ActionItemRules.overdue(rep.repId(), overdue, today),
                rep.context(),
                "no action item overdue any more");
    }
}

package io.salespulse.coaching.pulse;

import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.pulse.PulseInvited;
import io.salespulse.kit.calendar.WorkingCalendar;
import io.salespulse.kit.kafka.EventPublisher;
import io.salespulse.kit.roster.RosterStore;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The team pulse's weekly question: for each team that runs it, on its last working day of the week from
 * {@code salespulse.pulse.at} (15:00 in its zone), each active rep is asked once ("How was your week?", 1-5 and an
 * optional comment): an invitation with a link's key of 256 random bits, published for notification-service to send
 * (the key kept here as its SHA-256 only). Once per rep and week whatever the number of instances (a unique index); an
 * invitation whose event could not be published is withdrawn, so the next pass asks again.
 */
@Component
public class PulseInvitations {

    private static final Logger log = LoggerFactory.getLogger(PulseInvitations.class);
    static final String SOURCE = "/coaching-service/pulse";

    private final RosterStore roster;
    private final WorkingCalendar calendar;
    private final PulseStore store;
    private final EventPublisher publisher;
    private final Clock clock;
    private final LocalTime at;
    private final Duration linkLife;

    PulseInvitations(
            RosterStore roster,
            WorkingCalendar calendar,
            PulseStore store,
            EventPublisher publisher,
            Clock clock,
            @Value("${salespulse.pulse.at:15:00}") String at,
            @Value("${salespulse.pulse.link-life:7d}") Duration linkLife) {
        this.roster = roster;
        this.calendar = calendar;
        this.store = store;
        this.publisher = publisher;
        this.clock = clock;
        this.at = LocalTime.parse(at);
        this.linkLife = linkLife;
    }

    @Scheduled(
            fixedDelayString = "${salespulse.pulse.check-ms:60000}",
            initialDelayString = "${salespulse.pulse.initial-delay-ms:20000}")
    void run() {
        for (TeamChanged team : roster.teams()) {
            if (!team.careOrNone().runsPulse()) {
                continue;
            }
            try {
                if (due(team)) {
                    ask(team);
                }
            } catch (RuntimeException e) {
                log.warn("Pulse of team {} not asked yet: {}", team.teamId(), e.getMessage());
            }
        }
    }

    /** Whether now is the team's last working day of the week, from the hour on. */
    boolean due(TeamChanged team) {
        ZonedDateTime local = clock.instant().atZone(ZoneId.of(team.timezone()));
        LocalDate monday = local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Optional<LocalDate> last = monday.datesUntil(monday.plusDays(7))
                .filter(day -> calendar.teamWorks(team, day))
                .reduce((first, second) -> second);
        return last.isPresent()
                && last.get().equals(local.toLocalDate())
                && !local.toLocalTime().isBefore(at);
    }

    /** Asks this week's question of every active rep of the team not asked yet; how many were asked now. */
    public int ask(TeamChanged team) {
        LocalDate week = clock.instant()
                .atZone(ZoneId.of(team.timezone()))
                .toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int asked = 0;
        for (RepChanged rep : roster.repsOf(team.teamId())) {
            if (rep.active() && ask(rep, team, week)) {
                asked++;
            }
        }
        return asked;
    }

    private boolean ask(RepChanged rep, TeamChanged team, LocalDate week) {
        String inviteId = UUID.randomUUID().toString();
        String key = io.salespulse.kit.security.LinkKeys.newKey();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(linkLife);
        if (!store.invite(inviteId, key, rep.repId(), team.teamId(), week, expiresAt)) {
            return false; // asked already this week
        }
        try {
            publisher.publishAll(List.of(EventEnvelope.of(
                    inviteId,
                    SOURCE,
                    new PulseInvited(inviteId, key, rep.repId(), team.teamId(), week, expiresAt, now))));
            return true;
        } catch (RuntimeException e) {
            store.withdraw(inviteId);
            throw e;
        }
    }
}

package io.salespulse.localrun.demo;

import io.salespulse.localrun.demo.DemoCast.Rep;
import io.salespulse.localrun.demo.DemoCast.Team;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The customer success side of the demo, as the teams' customer success tool posts it (CloudEvents): each CSM's book
 * of accounts with their contracts, health scores and NPS answers, four weeks of customer touches, and the storylines:
 * <ul>
 * <li>Acme Logistique (120,000 EUR, Paris) renews in 60 days and nobody has met it in months (RENEWAL_AT_RISK and
 * CUSTOMER_GONE_QUIET, to Camille);</li>
 * <li>Kramerica Industries (New York) grows from 150,000 to 190,000 USD today, live (EXPANSION_WON, to Jordan);</li>
 * <li>Cogswell Logistics (60,000 USD, New York) leaves at the end of its term, three days ago, after its health fell and
 * a detractor's answer (CHURNED, to Jordan).</li>
 * </ul>
 * Everything is placed relative to the day played, so the story holds on any date. Pure: no I/O; {@link DemoTraffic}
 * sends it.
 */
public final class DemoCustomers {

    /** The CloudEvents source the customer success tool posts under (the demo credential's). */
    static final String SOURCE = "/demo/customer-success";

    /**
     * An account of a book.
     *
     * @param id      its id (and its contract's, prefixed)
     * @param name    its name
     * @param csm     its CSM
     * @param arr     its ARR when it signed
     * @param started days ago its current term began
     * @param touched whether its CSM calls, writes and meets it
     */
    record Account(String id, String name, Rep csm, long arr, int started, boolean touched) {}

    /**
     * What the demo sends of the customer side.
     *
     * @param history the contracts, scores and NPS answers of the past in time order, then the CSMs' touches, the most
     *                recent day first (as the reps' activity history: a CSM's last week is counted before the weeks it is
     *                compared with, so no rep looks idle while their history loads)
     * @param live    what happens today, live (Kramerica's expansion)
     */
    public record Plan(List<String> history, List<String> live) {}

    static final Rep ZOE = DemoCast.rep("csm-zoe");
    static final Rep LIAM = DemoCast.rep("csm-liam");
    static final Account ACME = new Account("demo-acme", "Acme Logistique", ZOE, 120_000, 305, false);
    static final Account KRAMERICA = new Account("demo-kramerica", "Kramerica Industries", LIAM, 150_000, 250, true);
    static final Account COGSWELL = new Account("demo-cogswell", "Cogswell Logistics", LIAM, 60_000, 368, true);
    static final List<Account> BOOK = List.of(
            ACME,
            new Account("demo-bolt", "Bolt Énergie", ZOE, 48_000, 200, true),
            new Account("demo-cargo", "Cargo Transports", ZOE, 30_000, 400, true),
            new Account("demo-dune", "Dune Cosmétiques", ZOE, 22_000, 100, true),
            KRAMERICA,
            COGSWELL,
            new Account("demo-pym", "Pym Technologies", LIAM, 45_000, 150, true),
            new Account("demo-monarch", "Monarch Solutions", LIAM, 80_000, 325, true));

    private record Timed(Instant at, String event) {}

    /** A CSM's touch on its day in its team's zone. */
    private record Touch(LocalDate day, Instant at, String event) {}

    private final Random random;
    private final Instant now;
    private final List<Timed> history = new ArrayList<>();
    private final List<Touch> touches = new ArrayList<>();

    private DemoCustomers(long seed, Instant now) {
        this.random = new Random(seed ^ 0x5EED_C5L);
        this.now = now;
    }

    /** The customer side of the story for a seed and a moment. */
    public static Plan plan(long seed, Instant now) {
        return new DemoCustomers(seed, now).build();
    }

    private Plan build() {
        for (Account account : BOOK) {
            Team team = DemoCast.teamOf(account.csm());
            LocalDate today = now.atZone(team.zone()).toLocalDate();
            LocalDate start = today.minusDays(account.started());
            LocalDate end = start.plusYears(1).minusDays(1);
            if (account == ACME) {
                // Renews in 60 days whatever the day played.
                end = today.plusDays(60);
                start = end.minusYears(1).plusDays(1);
            }
            contract(account, account.arr(), start, end, false, null, at(team, start, 10));
        }
        // Cargo renewed two weeks before its term ended, at a higher ARR; Dune grew three weeks ago.
        Account cargo = BOOK.get(2);
        LocalDate cargoEnd =
                today(cargo).minusDays(cargo.started()).plusYears(1).minusDays(1);
        contract(
                cargo,
                33_000,
                cargoEnd.plusDays(1),
                cargoEnd.plusYears(1),
                false,
                null,
                at(DemoCast.PARIS, cargoEnd.minusDays(14), 11));
        Account dune = BOOK.get(3);
        LocalDate duneStart = today(dune).minusDays(dune.started());
        contract(
                dune,
                26_000,
                duneStart,
                duneStart.plusYears(1).minusDays(1),
                false,
                null,
                at(DemoCast.PARIS, today(dune).minusDays(21), 15));
        // Monarch's renewal is being worked: a deal of the renewal pipeline, three weeks ago.
        Account oscorp = BOOK.get(7);
        LocalDate oscorpStart = today(oscorp).minusDays(oscorp.started());
        contract(
                oscorp,
                oscorp.arr(),
                oscorpStart,
                oscorpStart.plusYears(1).minusDays(1),
                false,
                "demo-renewal-monarch",
                at(DemoCast.NEW_YORK, today(oscorp).minusDays(21), 10));
        // Cogswell's health falls, a detractor answers, and it leaves the day its term ends.
        LocalDate cogswellStart = today(COGSWELL).minusDays(COGSWELL.started());
        LocalDate cogswellEnd = cogswellStart.plusYears(1).minusDays(1);
        health(COGSWELL, 72, at(DemoCast.NEW_YORK, today(COGSWELL).minusDays(60), 9));
        nps(COGSWELL, "cogswell-1", 3, at(DemoCast.NEW_YORK, today(COGSWELL).minusDays(45), 14));
        health(COGSWELL, 41, at(DemoCast.NEW_YORK, today(COGSWELL).minusDays(12), 9));
        contract(
                COGSWELL,
                COGSWELL.arr(),
                cogswellStart,
                cogswellEnd,
                true,
                null,
                at(DemoCast.NEW_YORK, cogswellEnd, 17));
        // The others' health and NPS.
        health(ACME, 64, at(DemoCast.PARIS, today(ACME).minusDays(20), 9));
        health(BOOK.get(1), 86, at(DemoCast.PARIS, today(ACME).minusDays(18), 9));
        health(KRAMERICA, 81, at(DemoCast.NEW_YORK, today(KRAMERICA).minusDays(16), 9));
        nps(BOOK.get(1), "bolt-1", 9, at(DemoCast.PARIS, today(ACME).minusDays(30), 16));
        nps(BOOK.get(3), "dune-1", 7, at(DemoCast.PARIS, today(ACME).minusDays(26), 16));
        nps(KRAMERICA, "kramerica-1", 8, at(DemoCast.NEW_YORK, today(KRAMERICA).minusDays(15), 16));
        nps(BOOK.get(6), "pym-1", 10, at(DemoCast.NEW_YORK, today(KRAMERICA).minusDays(25), 16));
        touches(ZOE);
        touches(LIAM);
        history.sort(Comparator.comparing(Timed::at));
        // Most recent day first, in time order within a day (as DemoStory's activity history).
        touches.sort(Comparator.comparing(Touch::day).reversed().thenComparing(Touch::at));
        List<String> sent = new ArrayList<>(history.stream().map(Timed::event).toList());
        touches.forEach(touch -> sent.add(touch.event()));
        // Today, live: Kramerica grows.
        LocalDate kramericaStart = today(KRAMERICA).minusDays(KRAMERICA.started());
        String expansion = contractEvent(
                KRAMERICA,
                190_000,
                kramericaStart,
                kramericaStart.plusYears(1).minusDays(1),
                false,
                null,
                now.minusSeconds(60));
        return new Plan(List.copyOf(sent), List.of(expansion));
    }

    private LocalDate today(Account account) {
        return now.atZone(DemoCast.teamOf(account.csm()).zone()).toLocalDate();
    }

    /** Four weeks of a CSM's customer work: meetings held, calls and emails, each naming an account it touches. */
    private void touches(Rep csm) {
        Team team = DemoCast.teamOf(csm);
        List<Account> touched =
                BOOK.stream().filter(a -> a.csm() == csm && a.touched()).toList();
        List<LocalDate> days =
                DemoStory.workingDaysBefore(team, now.atZone(team.zone()).toLocalDate(), 20);
        int n = 0;
        for (LocalDate day : days) {
            for (int i = 0; i < 9; i++) {
                Account account = touched.get(random.nextInt(touched.size()));
                if (account == COGSWELL
                        && day.isAfter(now.atZone(team.zone()).toLocalDate().minusDays(10))) {
                    account = touched.get(0); // Cogswell stopped answering
                }
                Instant at = at(team, day, 9 + random.nextInt(8));
                String id = "demo-cs-" + csm.repId() + "-" + day + "-" + (n++);
                String type;
                String data;
                if (i < 2) {
                    type = "salespulse.meeting.held.v1";
                    data = "{\"repId\":\"%s\",\"meetingId\":\"%s\",\"accountId\":\"%s\"}"
                            .formatted(csm.repId(), id, account.id());
                } else if (i < 5) {
                    type = "salespulse.call.logged.v1";
                    data =
                            "{\"repId\":\"%s\",\"callId\":\"%s\",\"outcome\":\"CONNECTED\",\"durationSeconds\":%d,\"accountId\":\"%s\"}"
                                    .formatted(csm.repId(), id, 240 + random.nextInt(900), account.id());
                } else {
                    type = "salespulse.email.sent.v1";
                    data = "{\"repId\":\"%s\",\"accountId\":\"%s\"}".formatted(csm.repId(), account.id());
                }
                touches.add(new Touch(day, at, event(id, type, at, data)));
            }
        }
    }

    private void contract(
            Account account, long arr, LocalDate start, LocalDate end, boolean churned, String renewal, Instant at) {
        history.add(new Timed(at, contractEvent(account, arr, start, end, churned, renewal, at)));
    }

    private static String contractEvent(
            Account account, long arr, LocalDate start, LocalDate end, boolean churned, String renewal, Instant at) {
        Team team = DemoCast.teamOf(account.csm());
        String data =
                ("{\"contractId\":\"%s-contract\",\"accountId\":\"%s\",\"accountName\":\"%s\",\"csmRepId\":\"%s\","
                                + "\"arr\":%d,\"currency\":\"%s\",\"termStart\":\"%s\",\"termEnd\":\"%s\",\"status\":\"%s\"%s}")
                        .formatted(
                                account.id(),
                                account.id(),
                                account.name(),
                                account.csm().repId(),
                                arr,
                                team.currency(),
                                start,
                                end,
                                churned ? "CHURNED" : "ACTIVE",
                                renewal == null ? "" : ",\"renewalDealId\":\"" + renewal + "\"");
        return event(account.id() + "-contract-" + at.toEpochMilli(), "salespulse.contract.updated.v1", at, data);
    }

    private void health(Account account, int score, Instant at) {
        history.add(new Timed(
                at,
                event(
                        account.id() + "-health-" + at.toEpochMilli(),
                        "salespulse.account.health-updated.v1",
                        at,
                        "{\"accountId\":\"%s\",\"csmRepId\":\"%s\",\"score\":%d}"
                                .formatted(account.id(), account.csm().repId(), score))));
    }

    private void nps(Account account, String answerId, int score, Instant at) {
        history.add(new Timed(
                at,
                event(
                        "demo-nps-" + answerId,
                        "salespulse.nps.answered.v1",
                        at,
                        "{\"accountId\":\"%s\",\"csmRepId\":\"%s\",\"score\":%d,\"answerId\":\"%s\"}"
                                .formatted(account.id(), account.csm().repId(), score, answerId))));
    }

    private static String event(String id, String type, Instant at, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"%s\",\"source\":\"%s\",\"type\":\"%s\",\"time\":\"%s\",\"data\":%s}"
                .formatted(id, SOURCE, type, at, data);
    }

    /** A moment of a working day in the team's zone, at the hour given (minutes and seconds from the seed). */
    private Instant at(Team team, LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, random.nextInt(60), random.nextInt(60)))
                .atZone(team.zone())
                .toInstant();
    }
}

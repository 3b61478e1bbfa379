package io.salespulse.systemtests;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The oracle's story for one seed: two teams (Paris on Pipedrive and Twenty, New York on HubSpot and Salesforce, both
 * with a dialer speaking CloudEvents), from the first day of the quarter before to today, told as facts the test
 * knows (what happened, when, to whom) before any CRM format is chosen. The period crosses both daylight-saving
 * changes (Paris 31 October, New York 7 November 2027) and France's 1 and 11 November; events fall at any hour of the
 * UTC day, so some belong to another local day than their UTC one.
 */
final class OracleMonth {

    enum Channel {
        CLOUDEVENTS,
        HUBSPOT,
        PIPEDRIVE,
        TWENTY,
        SALESFORCE
    }

    record Team(String teamId, ZoneId zone, String country, String currency) {}

    record Rep(String repId, Team team, boolean ae, String crmId, String secondCrmId) {}

    record Call(String id, Rep rep, Instant at, boolean connected, int seconds, Channel channel) {}

    record Email(String id, Rep rep, Instant at, Channel channel) {}

    /** Booked at {@code bookedAt} for {@code scheduledFor}; held (then, at its scheduled time) or not. */
    record Meeting(String id, Rep rep, Instant bookedAt, Instant scheduledFor, boolean held, Channel channel) {}

    /** A deal as the CRM holds it after one change. */
    record Snapshot(Instant at, String stage, long amount, LocalDate closeDate, String lostReason) {}

    /**
     * A deal's life, its snapshots in time order; {@code late} is a stale snapshot delivered after the last one;
     * {@code sourcedBy} the SDR the CRM credits with it (CloudEvents deals only), or null.
     */
    record Deal(String id, Rep owner, Channel channel, List<Snapshot> snapshots, Snapshot late, Rep sourcedBy) {

        Snapshot first() {
            return snapshots.get(0);
        }

        Snapshot last() {
            return snapshots.get(snapshots.size() - 1);
        }
    }

    /**
     * An objective of a rep ({@code rep} set) or of a team; {@code currency} for revenue. Set by the CRM (a CloudEvent);
     * then, by a manager through the objectives API, adjusted to {@code adjustedTarget} (when not null) or cancelled.
     */
    record Objective(
            String id,
            Team team,
            Rep rep,
            String metric,
            String currency,
            int target,
            LocalDate from,
            LocalDate to,
            Integer adjustedTarget,
            boolean cancelled) {

        Objective(
                String id,
                Team team,
                Rep rep,
                String metric,
                String currency,
                int target,
                LocalDate from,
                LocalDate to) {
            this(id, team, rep, metric, currency, target, from, to, null, false);
        }

        List<Rep> reps(OracleMonth month) {
            return rep != null ? List.of(rep) : month.repsOf(team);
        }

        /** The target it is judged against now. */
        int targetNow() {
            return adjustedTarget != null ? adjustedTarget : target;
        }
    }

    /** A rep away (leave), every day from..to. */
    record Absence(String id, Rep rep, LocalDate from, LocalDate to) {

        boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    static final LocalDate FIRST_DAY = LocalDate.parse("2027-07-01");
    static final Instant NOW = Instant.parse("2027-11-17T15:00:00Z");
    /** Nothing the CRMs tell is later than this: the services' clock starts at {@link #NOW} and runs on. */
    static final Instant LAST_EVENT = NOW.minus(Duration.ofHours(1));

    static final List<String> LOST_REASONS = List.of("Price", "Timing", "Competitor", "No budget");
    private static final String[] PATH = {"QUALIFIED", "DISCOVERY", "PROPOSAL", "NEGOTIATION"};

    final int seed;
    final Team paris;
    final Team nyc;
    final List<Rep> reps = new ArrayList<>();
    final List<Call> calls = new ArrayList<>();
    final List<Email> emails = new ArrayList<>();
    final List<Meeting> meetings = new ArrayList<>();
    final List<Deal> deals = new ArrayList<>();
    final List<Objective> objectives = new ArrayList<>();
    final List<Absence> absences = new ArrayList<>();

    OracleMonth(int seed) {
        this.seed = seed;
        this.paris = new Team("oracle" + seed + "-paris", ZoneId.of("Europe/Paris"), "FR", "EUR");
        this.nyc = new Team("oracle" + seed + "-nyc", ZoneId.of("America/New_York"), null, "USD");
        reps.add(new Rep("oracle" + seed + "-lea", paris, false, "7" + seed + "01", null));
        reps.add(new Rep("oracle" + seed + "-marc", paris, true, "7" + seed + "02", "tw-oracle" + seed + "-marc"));
        reps.add(new Rep("oracle" + seed + "-maya", nyc, false, "8" + seed + "01", null));
        reps.add(new Rep("oracle" + seed + "-ines", nyc, true, "8" + seed + "02", "0055e" + "%013d".formatted(seed)));
        generate(new Random(seed));
    }

    private void generate(Random random) {
        int n = 0;
        for (LocalDate day = FIRST_DAY;
                !day.isAfter(LocalDate.ofInstant(LAST_EVENT, ZoneOffset.UTC));
                day = day.plusDays(1)) {
            boolean weekday = day.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue();
            for (Rep rep : reps) {
                boolean paris = rep.team() == this.paris;
                int callCount = weekday ? random.nextInt(rep.ae() ? 3 : 6) : random.nextInt(2);
                for (int i = 0; i < callCount; i++) {
                    Instant at = at(day, random);
                    Channel channel =
                            random.nextBoolean() ? Channel.CLOUDEVENTS : paris ? Channel.PIPEDRIVE : Channel.HUBSPOT;
                    boolean connected = random.nextInt(3) == 0;
                    // Pipedrive counts whole minutes; the others seconds.
                    int seconds = !connected
                            ? 0
                            : channel == Channel.PIPEDRIVE ? 60 * (1 + random.nextInt(12)) : 20 + random.nextInt(900);
                    if (at != null) {
                        calls.add(new Call("c" + seed + "-" + n++, rep, at, connected, seconds, channel));
                    }
                }
                int emailCount = weekday ? random.nextInt(3) : 0;
                for (int i = 0; i < emailCount; i++) {
                    Instant at = at(day, random);
                    if (at != null) {
                        emails.add(new Email(
                                "e" + seed + "-" + n++,
                                rep,
                                at,
                                random.nextBoolean()
                                        ? Channel.CLOUDEVENTS
                                        : paris ? Channel.PIPEDRIVE : Channel.HUBSPOT));
                    }
                }
                if (weekday && random.nextInt(4) == 0) {
                    Instant booked = at(day, random);
                    if (booked != null) {
                        Instant scheduled = day.plusDays(1 + random.nextInt(7))
                                .atTime(8 + random.nextInt(10), 30)
                                .toInstant(ZoneOffset.UTC);
                        boolean held = scheduled.isBefore(LAST_EVENT) && random.nextInt(10) < 7;
                        meetings.add(new Meeting(
                                "m" + seed + "-" + n++,
                                rep,
                                booked,
                                scheduled,
                                held,
                                paris && random.nextBoolean() ? Channel.PIPEDRIVE : Channel.CLOUDEVENTS));
                    }
                }
                if (rep.ae() && weekday && random.nextInt(3) == 0) {
                    Instant created = at(day, random);
                    if (created != null) {
                        deal("d" + seed + "-" + n++, rep, created, random);
                    }
                }
            }
        }
        LocalDate november = LocalDate.parse("2027-11-01");
        // Paris's SDR on leave three days: her objective's elapsed share leaves them out.
        absences.add(new Absence(
                "oracle" + seed + "-leave", reps.get(0), LocalDate.parse("2027-11-08"), LocalDate.parse("2027-11-10")));
        objectives.add(new Objective(
                "oracle" + seed + "-calls-" + reps.get(0).repId(),
                paris,
                reps.get(0),
                "CALLS",
                null,
                60 + 10 * seed,
                november,
                november.plusMonths(1).minusDays(1)));
        // New York's SDR: its target adjusted by the manager; Paris's AE: an objective cancelled.
        objectives.add(new Objective(
                "oracle" + seed + "-calls-" + reps.get(2).repId(),
                nyc,
                reps.get(2),
                "CALLS",
                null,
                60 + 10 * seed,
                november,
                november.plusMonths(1).minusDays(1),
                45 + 5 * seed,
                false));
        objectives.add(new Objective(
                "oracle" + seed + "-held-" + reps.get(1).repId(),
                paris,
                reps.get(1),
                "MEETINGS_HELD",
                null,
                12,
                november,
                november.plusMonths(1).minusDays(1),
                null,
                true));
        // The quarter's quotas: Paris's a team objective, New York's its AE's own.
        LocalDate quarter = LocalDate.parse("2027-10-01");
        objectives.add(new Objective(
                "oracle" + seed + "-q4-paris",
                paris,
                null,
                "REVENUE_WON",
                "EUR",
                150_000 + 1_000 * seed,
                quarter,
                quarter.plusMonths(3).minusDays(1)));
        objectives.add(new Objective(
                "oracle" + seed + "-q4-ines",
                nyc,
                reps.get(3),
                "REVENUE_WON",
                "USD",
                120_000 + 1_000 * seed,
                quarter,
                quarter.plusMonths(3).minusDays(1)));
    }

    private void deal(String id, Rep owner, Instant created, Random random) {
        boolean paris = owner.team() == this.paris;
        Channel channel = paris
                ? List.of(Channel.PIPEDRIVE, Channel.TWENTY, Channel.CLOUDEVENTS)
                        .get(random.nextInt(3))
                : List.of(Channel.SALESFORCE, Channel.HUBSPOT, Channel.CLOUDEVENTS)
                        .get(random.nextInt(3));
        List<Snapshot> snapshots = new ArrayList<>();
        long amount = 1000L * (1 + random.nextInt(40));
        LocalDate close = LocalDate.ofInstant(created, ZoneOffset.UTC).plusDays(20 + random.nextInt(40));
        int stage = random.nextInt(2);
        snapshots.add(new Snapshot(created, PATH[stage], amount, close, null));
        Instant at = created;
        int moves = random.nextInt(5);
        for (int i = 0; i < moves; i++) {
            at = at.plus(Duration.ofHours(6 + random.nextInt(24 * 12)));
            if (at.isAfter(LAST_EVENT)) {
                break;
            }
            int roll = random.nextInt(10);
            if (roll < 2 && channel != Channel.TWENTY) {
                snapshots.add(
                        new Snapshot(at, "LOST", amount, close, LOST_REASONS.get(random.nextInt(LOST_REASONS.size()))));
                break;
            } else if (roll < 4) {
                snapshots.add(new Snapshot(at, "WON", amount, close, null));
                break;
            } else if (roll < 5 && stage > 0) {
                stage--; // back a stage
            } else if (roll < 6) {
                amount = 1000L * (1 + random.nextInt(40)); // amount changed
            } else if (roll < 7) {
                close = close.plusDays(7 + random.nextInt(21)); // close date pushed
            } else if (stage < PATH.length - (channel == Channel.TWENTY ? 2 : 1)) {
                stage++;
            }
            snapshots.add(new Snapshot(at, PATH[stage], amount, close, null));
        }
        Snapshot late = snapshots.size() >= 3 && random.nextInt(5) == 0 ? snapshots.get(1) : null;
        Rep sdr = channel == Channel.CLOUDEVENTS && random.nextBoolean()
                ? repsOf(owner.team()).get(0)
                : null;
        deals.add(new Deal(id, owner, channel, List.copyOf(snapshots), late, sdr));
    }

    /** A random moment of a UTC day, or null when it would be after the last event. */
    private static Instant at(LocalDate day, Random random) {
        Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(random.nextInt(24 * 3600));
        return at.isAfter(LAST_EVENT) ? null : at;
    }

    List<Rep> repsOf(Team team) {
        return reps.stream().filter(rep -> rep.team() == team).toList();
    }

    /** Every fact shuffled the same way for a seed, so delivery order is not time order. */
    <T> List<T> shuffled(List<T> facts) {
        List<T> copy = new ArrayList<>(facts);
        Collections.shuffle(copy, new Random(seed * 31L + facts.size()));
        return copy;
    }
}

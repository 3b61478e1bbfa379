package io.salespulse.localrun.demo;

import io.salespulse.localrun.demo.DemoStory.Plan;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The living demo ({@code ./run-local --demo}): the managers' preferences point at a local notification sink, four
 * weeks of history go in through the real ingestion paths, the month's objectives are set once the history is
 * counted, then today unfolds live: Ethan's late week, Marc's big win, Olivia's objective-reaching deal, and a
 * steady stream of calls and emails at the chosen pace. Everything SalesPulse makes of it is in its APIs, its metrics,
 * the notification log and the printed summary.
 */
public final class Demo implements AutoCloseable {

    /**
     * How to run the demo.
     *
     * @param seed     the story's seed (same seed, same day: same story)
     * @param pace     live activities per second
     * @param sinkPort the notification sink's port (0: any free port)
     */
    public record Options(long seed, double pace, int sinkPort) {}

    /**
     * The running system the demo talks to.
     *
     * @param activityUrl     activity-service
     * @param kpiUrl          kpi-service
     * @param coachingUrl     coaching-service
     * @param notificationUrl notification-service
     * @param adminToken      an admin's token (preferences)
     * @param readToken       a leadership token (reads)
     * @param directorToken   the director's token (its call for the company)
     * @param endpoints       ingestion credentials
     * @param dataDir         where the notification log goes
     * @param clock           the system's clock (the story's today is its today)
     */
    public record Target(
            String activityUrl,
            String kpiUrl,
            String coachingUrl,
            String notificationUrl,
            String adminToken,
            String readToken,
            String directorToken,
            DemoTraffic.Endpoints endpoints,
            Path dataDir,
            Clock clock) {}

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final NotificationSink sink;
    private final DemoTraffic traffic;
    private final Thread stream;

    private Demo(NotificationSink sink, DemoTraffic traffic, Thread stream) {
        this.sink = sink;
        this.traffic = traffic;
        this.stream = stream;
    }

    /** Runs the story up to its live moments, prints what SalesPulse surfaced, and leaves today's stream running. */
    public static Demo start(Target target, Options options, PrintStream out) throws IOException, InterruptedException {
        long started = System.nanoTime();
        NotificationSink sink = NotificationSink.start(
                options.sinkPort(), target.dataDir().resolve("notifications.log"), out, target.clock());
        DemoTraffic traffic = new DemoTraffic(target.endpoints(), target.clock());
        try {
            for (DemoCast.Team team : DemoCast.TEAMS) {
                put(
                        target.notificationUrl() + "/api/v1/managers/" + team.managerId() + "/preferences",
                        target.adminToken(),
                        """
                        {"slackWebhookUrl":"%s","locale":"%s","timezone":"%s","minSeverity":"INFO","digest":{"daily":"08:30","weekly":"MON 08:30"}}""".formatted(sink.url(team.managerId()), team.locale(), team.zone()));
            }
            // Nadia, the director, gets her weekly digest of both teams on Monday morning.
            put(
                    target.notificationUrl() + "/api/v1/managers/" + DemoCast.DIRECTOR + "/preferences",
                    target.adminToken(),
                    """
                    {"slackWebhookUrl":"%s","locale":"fr","timezone":"Europe/Paris","minSeverity":"CRITICAL","digest":{"weekly":"MON 08:30"}}""".formatted(sink.url(DemoCast.DIRECTOR)));
            Plan plan = DemoStory.plan(options.seed(), target.clock().instant());
            out.printf(
                    "Demo (seed %d), today %s: sending four weeks of history since %s through Pipedrive and HubSpot webhooks and CloudEvents ...%n",
                    options.seed(),
                    java.time.LocalDate.now(target.clock().withZone(DemoCast.PARIS.zone())),
                    plan.historyFrom());
            // Activities first (recent days before the baselines they are compared with), then the deals' histories.
            traffic.activities(plan.activityHistory());
            traffic.deals(plan.dealHistory());
            // The customer success tool's history: contracts, health scores, NPS answers, the CSMs' customer touches.
            DemoCustomers.Plan customers =
                    DemoCustomers.plan(options.seed(), target.clock().instant());
            traffic.events(customers.history());
            out.printf("Demo: %d requests sent; waiting for kpi-service to count them ...%n", traffic.requests());
            awaitCounted(target, plan);
            // The SDRs' meetings on the AEs' deals, now that the deals are known: the pipeline they sourced.
            traffic.activities(List.of(plan.sourcing()));
            traffic.objectives(plan.objectives());
            coaching(target);
            directors(target);
            // What the history itself tells, as the README's storylines say it (the notifications follow on their own).
            out.println("Demo: the last four weeks are counted. What they tell:");
            out.println("  - Léa (SDR, Paris) slides: her last week is a quarter of her usual activity"
                    + " (ACTIVITY_DROP, CRITICAL: told to Camille at once)");
            out.println("  - Inès's Globex deal sits in negotiation for three weeks, its close date pushed twice"
                    + " (STALLED_DEAL, CLOSE_DATE_SLIPPING: kept for Camille's 08:30 digest)");
            out.println("  - Ethan's CRM sync has stalled: his week looks empty (ACTIVITY_DROP)");
            out.println(
                    "  - Inès, under pressure on Globex, works evenings and a Saturday: her share of activity outside"
                            + " working hours doubles (AFTER_HOURS_RISING: a care signal, for Camille only, in her digest)");
            out.println("  - Hugo's energy at his weekly 1:1s falls: 4, 4, 2, 2 (ENERGY_DROP: for Camille only)");
            out.println("  - Acme Logistique (120,000 EUR, Zoé's) renews in 60 days and nobody has met it in months"
                    + " (RENEWAL_AT_RISK and CUSTOMER_GONE_QUIET: Camille's digest; the renewals board)");
            out.println("  - Cogswell Logistics (60,000 USD, Liam's) left at the end of its term, after its health fell"
                    + " and a detractor answered (CHURNED, at once to Jordan)");
            out.println(
                    "  - Paris runs the weekly team pulse: \"How was your week?\" goes to each rep on Friday at 15:00"
                            + " (or when Camille asks it from the board; without SMTP the links are not emailed)");
            out.println(
                    "  - Nadia, director over Paris and New York, reads the company in euros (the dollar at 0.92 this"
                            + " quarter) and calls " + DemoCast.DIRECTORS_CALL
                            + " EUR for its quarter (her unit page, /units/"
                            + DemoCast.COMPANY.unitId() + ")");
            out.println(
                    "Demo: objectives set, Camille's 1:1s with Hugo and Léa's development plan recorded. Today, live:");
            Thread.sleep(3000);
            out.println("  - Ethan's CRM sync catches up: his last week comes in (BACK_ON_TRACK)");
            traffic.activities(plan.lateActivity());
            Thread.sleep(3000);
            out.println("  - Marc closes Initech (68,000 EUR), far above the team's usual (BIG_WIN, at once)");
            traffic.dealNow(plan.liveDeals().get(0));
            Thread.sleep(3000);
            out.println("  - Olivia closes Umbrella Corp (36,000 USD): her monthly revenue objective is reached"
                    + " (OBJECTIVE_ACHIEVED, at once to Jordan)");
            traffic.dealNow(plan.liveDeals().get(1));
            Thread.sleep(3000);
            out.println(
                    "  - Liam grows Kramerica Industries from 150,000 to 190,000 USD (EXPANSION_WON, at once to Jordan)");
            traffic.events(customers.live());
        } catch (RuntimeException | IOException | InterruptedException e) {
            traffic.close();
            sink.close();
            throw e;
        }
        Thread stream = new Thread(() -> streamToday(traffic, options, target.clock()), "demo-live-stream");
        stream.setDaemon(true);
        stream.start();
        Demo demo = new Demo(sink, traffic, stream);
        Thread.sleep(8000);
        demo.printSummary(target, options, out, Duration.ofNanos(System.nanoTime() - started));
        return demo;
    }

    private static void streamToday(DemoTraffic traffic, Options options, Clock clock) {
        Random random = new Random(options.seed());
        long pauseMs = Math.max(1, Math.round(1000 / options.pace()));
        for (int i = 1; !Thread.currentThread().isInterrupted(); i++) {
            try {
                traffic.live(DemoStory.liveAct(random, i, clock.instant()));
                Thread.sleep(pauseMs);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the system is stopping, or briefly unavailable: try again shortly
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }

    /** Waits until kpi-service has counted every call of the history (so objectives are set on complete figures). */
    private static void awaitCounted(Target target, Plan plan) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        Pattern calls = Pattern.compile("\"calls\":(\\d+)");
        for (Map.Entry<String, Long> rep : plan.callsByRep().entrySet()) {
            while (true) {
                String body = get(
                        target.kpiUrl() + "/api/v1/reps/" + rep.getKey() + "/kpis/daily?from="
                                + plan.historyFrom().minusDays(1) + "&to="
                                + plan.historyFrom().plusDays(40),
                        target.readToken());
                long counted = 0;
                Matcher m = calls.matcher(body);
                while (m.find()) {
                    counted += Long.parseLong(m.group(1));
                }
                if (counted >= rep.getValue()) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "kpi-service counted " + counted + " of " + rep.getValue() + " calls of " + rep.getKey());
                }
                Thread.sleep(500);
            }
        }
    }

    private void printSummary(Target target, Options options, PrintStream out, Duration took)
            throws IOException, InterruptedException {
        out.printf("%nDemo: the story so far (%ds). Signals SalesPulse raised:%n", took.toSeconds());
        Pattern signal = Pattern.compile(
                "\"type\":\"([A-Z_]+)\",\"subjectKind\":\"[A-Z]+\",\"subjectId\":\"[^\"]*\",\"repId\":(?:\"([^\"]*)\"|null)[^}]*?\"status\":\"([A-Z]+)\"");
        for (DemoCast.Team team : DemoCast.TEAMS) {
            Map<String, Integer> open = new TreeMap<>();
            Matcher m = signal.matcher(
                    get(target.coachingUrl() + "/api/v1/teams/" + team.teamId() + "/signals", target.readToken()));
            while (m.find()) {
                if (!"RESOLVED".equals(m.group(3))) {
                    open.merge(m.group(1) + (m.group(2) == null ? "" : " " + m.group(2)), 1, Integer::sum);
                }
            }
            out.printf(
                    "  %s (manager %s, %s): %s%n",
                    team.name(), team.managerId(), team.locale(), open.isEmpty() ? "none yet" : open.keySet());
        }
        Map<String, Integer> perManager = new LinkedHashMap<>();
        sink.received().forEach(r -> perManager.merge(r.managerId(), 1, Integer::sum));
        out.printf("""
                Notifications sent at once (CRITICAL signals, wins, milestones): %s, in %s.
                The rest waits for each manager's 08:30 digest; every delivery is in GET %s/api/v1/managers/<id>/notifications.
                Today's activity keeps coming at %s events/s: watch the KPIs and the Prometheus gauges move.
                %n""", perManager, sink.log(), target.notificationUrl(), options.pace());
    }

    public NotificationSink sink() {
        return sink;
    }

    private static String get(String url, String token) throws IOException, InterruptedException {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /**
     * Camille's coaching: Hugo's weekly 1:1s of the last four weeks, his energy falling (4, 4, 2, 2), the last one a week
     * ago (an action item overdue since, one still to come), and Léa's
     * development plan (a connect rate to reach, objection handling with a role-play milestone, a move to AE within six
     * months).
     * Dated from today; the same ids each run, so a restart records them again unchanged.
     */
    private static void coaching(Target target) throws IOException, InterruptedException {
        java.time.LocalDate today = java.time.LocalDate.now(target.clock().withZone(DemoCast.PARIS.zone()));
        // Hugo's energy at his weekly 1:1s: 4, 4, then 2 and 2 (ENERGY_DROP), the last one a week ago.
        String[][] earlier = {{"3", "28", "4"}, {"2", "21", "4"}, {"1", "14", "2"}};
        for (String[] meeting : earlier) {
            put(
                    target.coachingUrl() + "/api/v1/reps/sdr-hugo/one-on-ones/demo-1on1-hugo-" + meeting[0],
                    target.adminToken(),
                    """
                    {"heldOn":"%s","notes":"Point hebdomadaire.","energy":%s}""".formatted(today.minusDays(Long.parseLong(meeting[1])), meeting[2]));
        }
        put(
                target.coachingUrl() + "/api/v1/reps/sdr-hugo/one-on-ones/demo-1on1-hugo",
                target.adminToken(),
                """
                {"heldOn":"%s","notes":"Hugo semble fatigué : il veut transmettre sa méthode de relance ; il part en congé la semaine prochaine.","energy":2,
                 "actionItems":[{"text":"Trier le fichier Retail et garder les 50 meilleurs comptes","owner":"REP","due":"%s"},
                                {"text":"Organiser un binôme Hugo et Léa sur les relances","owner":"MANAGER","due":"%s"}]}""".formatted(today.minusDays(7), today.minusDays(2), today.plusDays(3)));
        put(target.coachingUrl() + "/api/v1/reps/sdr-lea/plan", target.adminToken(), """
                {"goals":[
                  {"goalId":"connect","kind":"INDICATOR","title":"Joindre trois prospects sur dix","indicator":"CONNECT_RATE","target":0.3,"days":10},
                  {"goalId":"objections","kind":"SKILL","title":"Traiter les objections prix","skill":"objection-handling",
                   "milestones":[{"milestoneId":"roleplay","text":"Jeu de rôle avec Camille","due":"%s"}]},
                  {"goalId":"ae","kind":"ROLE_MOVE","title":"Devenir AE d'ici six mois","targetRole":"AE","due":"%s",
                   "milestones":[{"milestoneId":"discovery","text":"Mener trois rendez-vous de découverte avec Inès","due":"%s"}]}]}""".formatted(
                        today.plusDays(14), today.plusMonths(6), today.plusMonths(2)));
    }

    /**
     * The director's side: the dollar's rate into euros for this quarter and the last (the company reports in euros),
     * and Nadia's call for the company's quarter.
     */
    private static void directors(Target target) throws IOException, InterruptedException {
        java.time.LocalDate today = java.time.LocalDate.now(target.clock().withZone(DemoCast.PARIS.zone()));
        java.time.LocalDate quarter = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        put(target.kpiUrl() + "/api/v1/admin/rates", target.adminToken(), """
                {"rates":[{"from":"USD","to":"EUR","rate":0.9,"effectiveFrom":"%s"},
                          {"from":"USD","to":"EUR","rate":0.92,"effectiveFrom":"%s"}]}""".formatted(
                        quarter.minusMonths(3), quarter));
        put(
                target.kpiUrl() + "/api/v1/units/" + DemoCast.COMPANY.unitId() + "/forecast/call",
                target.directorToken(),
                """
                {"amount":%s,"currency":"EUR","period":"quarter","note":"Initech et Umbrella signent ce trimestre"}""".formatted(DemoCast.DIRECTORS_CALL));
    }

    private static void put(String url, String token, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new IllegalStateException(
                    "PUT " + url + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    @Override
    public void close() {
        stream.interrupt();
        traffic.close();
        sink.close();
    }
}

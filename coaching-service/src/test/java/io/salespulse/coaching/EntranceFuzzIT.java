package io.salespulse.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.coaching.signals.Signal;
import io.salespulse.coaching.signals.SignalStatus;
import io.salespulse.coaching.signals.SignalStore;
import io.salespulse.coaching.signals.rules.Detection;
import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.contracts.signal.SubjectKind;
import io.salespulse.testsupport.Fingerprints;
import io.salespulse.testsupport.Fuzzer;
import io.salespulse.testsupport.RealInfrastructure;
import io.salespulse.testsupport.TestTokens;
import io.salespulse.testsupport.TwoTeams;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * coaching-service's entrances under the {@link Fuzzer}: 1:1s, development plans and a signal's acknowledgement, as a
 * manager of the rep's team sends them. Every answer is one of {@link Fuzzer#ANSWERS}, and a refused request changes
 * nothing (the 1:1s, plans and signals are fingerprinted before and after each).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class EntranceFuzzIT {

    static final int SECONDS = 4;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    SignalStore book;

    /** The signal the acknowledgements are about (other signals may change meanwhile: the hourly judgement). */
    String signal = "none";

    /** Every document the entrances write (the 1:1s, the plans, the signal acknowledged), as one number. */
    long fingerprint() {
        return Fingerprints.of(mongo, List.of("one_on_ones", "development_plans", "pulse_invites", "pulse_answers"))
                + Fingerprints.of(mongo, "signals", new Document("_id", signal));
    }

    private void fuzz(String name, String method, String path, List<String> seeds, String token) {
        Fuzzer.Report report = Fuzzer.run(
                new Fuzzer.Target(
                        name,
                        method,
                        n -> "http://localhost:" + port + path.replace("{n}", String.valueOf(n % 5)),
                        "application/json",
                        seeds,
                        body -> List.of("Authorization", token),
                        this::fingerprint),
                SECONDS);
        assertThat(report.findings()).as(report.toString()).isEmpty();
    }

    @Test
    void oneOnOnesPlansAndAcknowledgements() {
        TwoTeams t = TwoTeams.publish("http://localhost:" + port, "/api/v1/reps/{repId}/one-on-one");
        String manager = "Bearer " + TestTokens.manager(t.managerA(), t.teamA());
        LocalDate today = LocalDate.now();
        fuzz(
                "one-on-ones",
                "PUT",
                "/api/v1/reps/" + t.repA() + "/one-on-ones/fz-{n}",
                List.of("""
                {"heldOn":"%s","notes":"Léa doute de son pipe.","privateNotes":true,"energy":3,
                 "actionItems":[{"text":"Relancer Acme","owner":"REP","due":"%s"},{"text":"Écouter deux appels","owner":"MANAGER"}]}""".formatted(today.minusDays(2), today.plusDays(5))),
                manager);
        fuzz("plans", "PUT", "/api/v1/reps/" + t.repA() + "/plan", List.of("""
                {"goals":[{"goalId":"connect","kind":"INDICATOR","title":"Joindre un prospect sur quatre","indicator":"CONNECT_RATE","target":0.25,"days":5},
                  {"goalId":"objections","kind":"SKILL","title":"Traiter les objections","skill":"objection-handling",
                   "milestones":[{"text":"Jeu de rôle","due":"%s"}]}]}""".formatted(today.plusDays(20))), manager);
        book.recognise(
                new Detection(
                        SignalType.BIG_WIN,
                        SubjectKind.DEAL,
                        "deal-fz-" + t.repA(),
                        Severity.INFO,
                        List.of(Evidence.of("amount", 90000))),
                new SignalStore.Context(t.repA(), t.teamA(), "Rep"));
        signal = book.ofTeam(t.teamA(), SignalStatus.OPEN, SignalType.BIG_WIN).stream()
                .map(Signal::signalId)
                .findFirst()
                .orElseThrow();
        fuzz("acknowledge", "POST", "/api/v1/signals/" + signal + "/acknowledge", List.of("""
                {"note":"Vu avec Léa en 1:1."}""", "{}"), manager);

        // The team pulse's answer, through a link's own key (no token): the team runs the pulse, its question asked.
        io.salespulse.testsupport.KafkaProbe.publish(io.salespulse.testsupport.OrgEvents.pulseTeam(
                t.teamA(), "A", "Europe/Paris", io.salespulse.contracts.org.Language.fr, List.of(t.managerA())));
        io.salespulse.contracts.pulse.PulseInvited invite;
        try (io.salespulse.testsupport.KafkaProbe signals =
                io.salespulse.testsupport.KafkaProbe.reading(io.salespulse.contracts.Topics.SIGNALS)) {
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> io.salespulse.testsupport.Http.post(
                                            "http://localhost:" + port + "/api/v1/teams/" + t.teamA() + "/pulse/ask",
                                            "application/json",
                                            "{}",
                                            "Authorization",
                                            manager)
                                    .status()
                            == 200);
            invite = (io.salespulse.contracts.pulse.PulseInvited) signals.awaitEvents(
                            e -> e.data() instanceof io.salespulse.contracts.pulse.PulseInvited p
                                    && p.repId().equals(t.repA()),
                            1,
                            java.time.Duration.ofSeconds(30))
                    .get(0)
                    .data();
        }
        fuzz(
                "pulse-answer",
                "POST",
                "/api/v1/pulse/" + invite.inviteId() + "/answer",
                List.of("""
                {"key":"%s","score":4,"comment":"Semaine chargée, mais une belle signature."}""".formatted(invite.key())),
                "");
    }
}

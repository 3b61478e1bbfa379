package io.salespulse.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.testsupport.Fingerprints;
import io.salespulse.testsupport.Fuzzer;
import io.salespulse.testsupport.RealInfrastructure;
import io.salespulse.testsupport.TestTokens;
import io.salespulse.testsupport.TwoTeams;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * notification-service's entrances under the {@link Fuzzer}: a manager's preferences and a team's and a rep's
 * celebration choices. Every answer is one of {@link Fuzzer#ANSWERS}, and a refused request changes nothing (the
 * preferences and the celebration choices are fingerprinted before and after each).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class EntranceFuzzIT {

    static final int SECONDS = 4;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    long fingerprint() {
        return Fingerprints.of(mongo, List.of("preferences", "team_celebrations", "celebration_choices"));
    }

    private void fuzz(String name, String path, List<String> seeds, String token) {
        Fuzzer.Report report = Fuzzer.run(
                new Fuzzer.Target(
                        name,
                        "PUT",
                        n -> "http://localhost:" + port + path,
                        "application/json",
                        seeds,
                        body -> List.of("Authorization", token),
                        this::fingerprint),
                SECONDS);
        assertThat(report.findings()).as(report.toString()).isEmpty();
    }

    @Test
    void preferencesAndCelebrations() {
        TwoTeams t = TwoTeams.publish("http://localhost:" + port, "/api/v1/reps/{repId}/celebrations");
        String manager = "Bearer " + TestTokens.manager(t.managerA(), t.teamA());
        fuzz("preferences", "/api/v1/managers/" + t.managerA() + "/preferences", List.of("""
                {"email":"camille@example.test","slackWebhookUrl":"https://hooks.slack.com/services/T000/B000/XXXX",
                 "webhookUrl":"https://crm.example/hooks/salespulse","webhookSecret":"s3cret","locale":"fr",
                 "timezone":"Europe/Paris","quietHours":{"from":"19:00","to":"08:00"},"minSeverity":"WARNING",
                 "digest":{"daily":"08:30","weekly":"MON 08:30"},"recognitions":"DIGEST"}""", """
                {"teamsWebhookUrl":"https://prod-01.westeurope.logic.azure.com/workflows/abc","locale":"en"}"""), manager);
        fuzz("team-celebrations", "/api/v1/teams/" + t.teamA() + "/celebrations", List.of("""
                {"enabled":true,"slackWebhookUrl":"https://hooks.slack.com/services/T000/B000/TEAM","locale":"fr"}"""), manager);
        fuzz("rep-celebrations", "/api/v1/reps/" + t.repA() + "/celebrations", List.of("""
                {"publicPosts":false}"""), manager);
    }
}

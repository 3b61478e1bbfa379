package io.salespulse.kpi;

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
 * kpi-service's one write, the manager's forecast call, under the {@link Fuzzer}: every answer is one of
 * {@link Fuzzer#ANSWERS}, and a refused call stores nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class EntranceFuzzIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    long fingerprint() {
        return Fingerprints.of(mongo, List.of("forecast_calls"));
    }

    @Test
    void theForecastCall() {
        TwoTeams t = TwoTeams.publish("http://localhost:" + port, "/api/v1/reps/{repId}/kpis");
        String manager = "Bearer " + TestTokens.manager(t.managerA(), t.teamA());
        Fuzzer.Report report = Fuzzer.run(
                new Fuzzer.Target(
                        "forecast-call",
                        "PUT",
                        n -> "http://localhost:" + port + "/api/v1/teams/" + t.teamA() + "/forecast/call",
                        "application/json",
                        List.of("""
                {"amount":9000,"currency":"EUR","period":"month","note":"Alpha signs this month"}""", """
                {"amount":"125000.50","currency":"USD","period":"QUARTER"}"""),
                        body -> List.of("Authorization", manager),
                        this::fingerprint),
                4);
        assertThat(report.findings()).as(report.toString()).isEmpty();
    }
}

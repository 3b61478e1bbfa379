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
 * kpi-service's writes under the {@link Fuzzer}: the forecast calls (a team's, a unit's) and the exchange rates (JSON
 * and a CSV file); every answer is one of {@link Fuzzer#ANSWERS}, and a refused request stores nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class EntranceFuzzIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    long fingerprint() {
        return Fingerprints.of(mongo, List.of("forecast_calls", "unit_forecast_calls", "exchange_rates"));
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

    @Test
    void theUnitsCallAndTheExchangeRates() {
        TwoTeams t = TwoTeams.publish("http://localhost:" + port, "/api/v1/reps/{repId}/kpis");
        String director = "Bearer " + TestTokens.director("dir-" + t.unitA(), t.unitA());
        String admin = "Bearer " + TestTokens.admin();
        List<Fuzzer.Target> targets = List.of(
                new Fuzzer.Target(
                        "unit-call",
                        "PUT",
                        n -> "http://localhost:" + port + "/api/v1/units/" + t.unitA() + "/forecast/call",
                        "application/json",
                        List.of("""
                {"amount":450000,"currency":"EUR","period":"quarter","note":"Initech signs"}"""),
                        body -> List.of("Authorization", director),
                        this::fingerprint),
                new Fuzzer.Target(
                        "rates",
                        "PUT",
                        n -> "http://localhost:" + port + "/api/v1/admin/rates",
                        "application/json",
                        List.of("""
                {"rates":[{"from":"USD","to":"EUR","rate":0.92,"effectiveFrom":"2026-10-01"}]}"""),
                        body -> List.of("Authorization", admin),
                        this::fingerprint),
                new Fuzzer.Target(
                        "rates-import",
                        "POST",
                        n -> "http://localhost:" + port + "/api/v1/admin/rates/import",
                        "text/csv",
                        List.of("from,to,rate,effectiveFrom\nUSD,EUR,0.92,2026-10-01\nGBP,EUR,1.17,2026-10-01\n"),
                        body -> List.of("Authorization", admin),
                        this::fingerprint));
        for (Fuzzer.Target target : targets) {
            Fuzzer.Report report = Fuzzer.run(target, 4);
            assertThat(report.findings()).as(report.toString()).isEmpty();
        }
    }
}

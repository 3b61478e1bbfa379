package io.salespulse.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salespulse.coaching.projection.CoachingFacts;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.kpi.DailyActivity;
import io.salespulse.contracts.kpi.RepDayKpisUpdated;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.RealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class CoachingFactsIT {

    @Autowired
    CoachingFacts facts;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void kpiUpdatesBecomeTheRepsDailyFactsOncePerDay() {
        String rep = "rep-" + UUID.randomUUID();
        DailyActivity two = new DailyActivity(2, 1, 60, 0, 0, 0, 0, 0, 0, 0, 0);
        DailyActivity one = new DailyActivity(1, 1, 60, 0, 0, 0, 0, 0, 0, 0, 0);
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        KafkaProbe.publish(
                EventEnvelope.of("a-" + rep, "/t", new RepDayKpisUpdated(rep, "t", LocalDate.parse("2026-11-24"), two, now)),
                // an older version of the same day arriving late is ignored
                EventEnvelope.of("b-" + rep, "/t", new RepDayKpisUpdated(rep, "t", LocalDate.parse("2026-11-24"), one, now)),
                EventEnvelope.of("c-" + rep, "/t", new RepDayKpisUpdated(rep, "t", LocalDate.parse("2026-11-25"), one, now)));
        await().atMost(Duration.ofSeconds(30)).until(() -> facts.repDaysOf(rep) == 2);
        assertThat(Http.get("http://localhost:" + managementPort + "/actuator/health/readiness").status()).isEqualTo(200);
        // Counted once the whole batch is handled (its reps judged), a moment after the facts are stored.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Http.get("http://localhost:" + managementPort + "/actuator/prometheus")
                .body()).contains("salespulse_events_consumed_total{", "topic=\"salespulse.kpis\""));
    }
}

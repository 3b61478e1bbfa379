package io.salespulse.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Money;
import io.salespulse.contracts.SalesPulseEvent;
import io.salespulse.contracts.account.AccountHealthUpdated;
import io.salespulse.contracts.account.ContractChange;
import io.salespulse.contracts.account.ContractChanged;
import io.salespulse.contracts.account.NpsAnswered;
import io.salespulse.contracts.activity.MeetingHeld;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.RepRole;
import io.salespulse.contracts.org.Seniority;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.RealInfrastructure;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The customer success signals raised and resolved by their facts, on the real broker: a renewal in 60 days with no
 * meeting (at risk, and the customer quiet) until a meeting is held; a health score falling 20 points, then back; a
 * detractor putting the renewal at risk again; an expansion recognised once; a customer lost, told with its history; a
 * renewal signed 45 days early. "Now" is Friday 2026-11-27 12:00 UTC.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@org.springframework.context.annotation.Import(SignalsIT.FixedClock.class)
class AccountSignalsIT {

    static final Instant NOW = SignalsIT.NOW;
    static final LocalDate TODAY = LocalDate.parse("2026-11-27");

    @LocalServerPort
    int port;

    final String s = UUID.randomUUID().toString().substring(0, 8);
    final String team = "team-" + s;
    final String zoe = "zoe-" + s;
    final String acme = "acme-" + s;
    final String bolt = "bolt-" + s;
    final String cargo = "cargo-" + s;

    private static EventEnvelope e(String id, SalesPulseEvent data) {
        return EventEnvelope.of(id, "/test", data);
    }

    private JsonNode signals(String query) {
        return Http.get("http://localhost:" + port + "/api/v1/teams/" + team + "/signals" + query)
                .json();
    }

    private JsonNode open(String type, String account) {
        for (JsonNode signal : signals("?status=OPEN&type=" + type)) {
            if (signal.get("subjectId").asString().startsWith(account)) {
                return signal;
            }
        }
        return null;
    }

    private ContractChanged contract(
            String account, String name, ContractChange change, String arr, String before, LocalDate end, Instant at) {
        return new ContractChanged(
                account,
                name,
                "c-" + account,
                change,
                Money.of(arr, "EUR"),
                before == null ? null : Money.of(before, "EUR"),
                end.minusYears(1).plusDays(1),
                end,
                zoe,
                at);
    }

    private static String evidence(JsonNode signal, String name) {
        for (JsonNode e : signal.get("evidence")) {
            if (e.get("name").asString().equals(name)) {
                return e.get("value").asString();
            }
        }
        return null;
    }

    @Test
    void customerSignalsAreRaisedAndResolvedByTheirFacts() {
        KafkaProbe.publish(
                e(
                        "t-" + s,
                        new TeamChanged(
                                team,
                                "Paris",
                                "Europe/Paris",
                                Language.fr,
                                List.of("mgr"),
                                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                                NOW.minusSeconds(7200))),
                e(
                        "r-" + s,
                        new RepChanged(
                                zoe,
                                "Zoé Martin",
                                team,
                                RepRole.CSM,
                                Seniority.SENIOR,
                                LocalDate.parse("2024-01-08"),
                                Map.of(),
                                true,
                                NOW.minusSeconds(7200))));
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> Http.get("http://localhost:" + port + "/api/v1/reps/" + zoe + "/one-on-one")
                                .status()
                        == 200);

        // Acme renews in 60 days and nobody met it (nor touched it) since it signed 300 days ago.
        KafkaProbe.publish(e(
                "acme-start-" + s,
                contract(
                        acme,
                        "Acme",
                        ContractChange.STARTED,
                        "60000",
                        null,
                        TODAY.plusDays(60),
                        NOW.minus(Duration.ofDays(300)))));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(open("RENEWAL_AT_RISK", acme)).isNotNull();
            assertThat(open("CUSTOMER_GONE_QUIET", acme)).isNotNull();
        });
        JsonNode atRisk = open("RENEWAL_AT_RISK", acme);
        assertThat(atRisk.get("severity").asString()).isEqualTo("WARNING");
        assertThat(atRisk.get("subjectKind").asString()).isEqualTo("ACCOUNT");
        assertThat(atRisk.get("repId").asString()).isEqualTo(zoe);
        assertThat(atRisk.get("deal").get("name").asString()).isEqualTo("Acme");
        assertThat(atRisk.get("deal").get("amount").get("amount").decimalValue())
                .isEqualByComparingTo("60000");
        assertThat(atRisk.get("deal").get("expectedCloseDate").asString())
                .isEqualTo(TODAY.plusDays(60).toString());
        assertThat(evidence(atRisk, "daysToRenewal")).isEqualTo("60");
        assertThat(atRisk.get("suggestedAction").get("fr").asString()).contains("Zoé Martin");

        // A meeting held with Acme: neither at risk nor quiet any more.
        KafkaProbe.publish(e("acme-meeting-" + s, new MeetingHeld(zoe, "m-" + s, null, acme, NOW.minusSeconds(3600))));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(open("RENEWAL_AT_RISK", acme)).isNull();
            assertThat(open("CUSTOMER_GONE_QUIET", acme)).isNull();
        });

        // Its health falls from 85 to 65 in three weeks, then comes back to 80.
        KafkaProbe.publish(
                e("acme-h1-" + s, new AccountHealthUpdated(acme, zoe, 85, null, NOW.minus(Duration.ofDays(20)))),
                e("acme-h2-" + s, new AccountHealthUpdated(acme, zoe, 65, 85, NOW.minusSeconds(3000))));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(open("HEALTH_DROP", acme)).isNotNull());
        assertThat(evidence(open("HEALTH_DROP", acme), "healthDrop")).isEqualTo("20");
        KafkaProbe.publish(e("acme-h3-" + s, new AccountHealthUpdated(acme, zoe, 80, 65, NOW.minusSeconds(2400))));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(open("HEALTH_DROP", acme)).isNull());

        // A detractor: the renewal is at risk again, and says why.
        KafkaProbe.publish(e("acme-nps-" + s, new NpsAnswered(acme, "n-" + s, zoe, 4, NOW.minusSeconds(1800))));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(open("RENEWAL_AT_RISK", acme)).isNotNull());
        assertThat(evidence(open("RENEWAL_AT_RISK", acme), "npsScore")).isEqualTo("4");

        // Acme grows from 60 000 to 72 000, delivered twice: recognised once.
        EventEnvelope expanded = e(
                "acme-expanded-" + s,
                contract(
                        acme,
                        "Acme",
                        ContractChange.EXPANDED,
                        "72000",
                        "60000",
                        TODAY.plusDays(60),
                        NOW.minusSeconds(600)));
        KafkaProbe.publish(expanded, expanded);
        // Bolt, a customer for 400 days, leaves; Cargo renews 45 days before its term ends.
        KafkaProbe.publish(
                e(
                        "bolt-start-" + s,
                        contract(
                                bolt,
                                "Bolt",
                                ContractChange.STARTED,
                                "30000",
                                null,
                                TODAY.plusDays(20),
                                NOW.minus(Duration.ofDays(400)))),
                e(
                        "bolt-churn-" + s,
                        contract(
                                bolt,
                                "Bolt",
                                ContractChange.CHURNED,
                                "0",
                                "30000",
                                TODAY.plusDays(20),
                                NOW.minus(Duration.ofDays(2)))),
                e(
                        "cargo-start-" + s,
                        contract(
                                cargo,
                                "Cargo",
                                ContractChange.STARTED,
                                "20000",
                                null,
                                TODAY.plusDays(45),
                                NOW.minus(Duration.ofDays(320)))),
                e("cargo-meeting-" + s, new MeetingHeld(zoe, "m2-" + s, null, cargo, NOW.minus(Duration.ofDays(3)))),
                e(
                        "cargo-renewed-" + s,
                        contract(
                                cargo,
                                "Cargo",
                                ContractChange.RENEWED,
                                "20000",
                                "20000",
                                TODAY.plusDays(45).plusYears(1),
                                NOW.minusSeconds(300))));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(open("EXPANSION_WON", acme)).isNotNull();
            assertThat(open("CHURNED", bolt)).isNotNull();
            assertThat(open("RENEWAL_SECURED_EARLY", cargo)).isNotNull();
        });
        assertThat(signals("?status=OPEN&type=EXPANSION_WON")).hasSize(1);
        assertThat(evidence(open("EXPANSION_WON", acme), "arrAdded")).isEqualTo("12000");
        JsonNode lost = open("CHURNED", bolt);
        assertThat(lost.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(evidence(lost, "arrLost")).isEqualTo("30000");
        assertThat(evidence(lost, "customerDays")).isEqualTo("398");
        assertThat(evidence(open("RENEWAL_SECURED_EARLY", cargo), "daysEarly")).isEqualTo("45");
        // Cargo renewed: its renewal is a year away, nothing at risk.
        assertThat(open("RENEWAL_AT_RISK", cargo)).isNull();
        assertThat(open("RENEWAL_AT_RISK", bolt)).isNull();
    }
}

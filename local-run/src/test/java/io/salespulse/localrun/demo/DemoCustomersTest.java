package io.salespulse.localrun.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.activity.accounts.ContractFacts;
import io.salespulse.activity.accounts.ContractUpdate;
import io.salespulse.contracts.Money;
import io.salespulse.contracts.account.AccountEvent;
import io.salespulse.contracts.account.ContractChange;
import io.salespulse.contracts.account.ContractChanged;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's customer storylines on awkward days, through activity-service's own contract facts: Acme renews in 60 days
 * untouched, Stark churned within the last two weeks at its term's end, Wayne's live snapshot is an expansion, Monarch's
 * renewal is being worked with meetings; every event is inside ingest's window and every touch in working hours, and a
 * CSM's touches are sent their most recent day first.
 */
class DemoCustomersTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "run on {0}")
    @ValueSource(strings = {"2026-12-06", "2026-12-31", "2027-01-01", "2026-03-29", "2026-11-02", "2028-02-29"})
    void theCustomerStorylinesHoldWhateverTheDay(String date) {
        Instant now = LocalDate.parse(date)
                .atTime(16, 0)
                .atZone(DemoCast.PARIS.zone())
                .toInstant();
        DemoCustomers.Plan plan = DemoCustomers.plan(42, now);
        Map<String, ContractUpdate> contracts = new HashMap<>();
        Map<String, List<ContractChange>> changes = new HashMap<>();
        Map<String, Instant> churnedAt = new HashMap<>();
        Map<String, List<Instant>> meetings = new HashMap<>();
        Set<String> ids = new HashSet<>();
        Set<String> touched = new HashSet<>();
        List<JsonNode> all = new ArrayList<>();
        for (String text : plan.history()) {
            all.add(JSON.readTree(text));
        }
        List<JsonNode> live = new ArrayList<>();
        for (String text : plan.live()) {
            live.add(JSON.readTree(text));
        }
        Map<String, LocalDate> lastDaySent = new HashMap<>();
        boolean touchesBegun = false;
        for (JsonNode event : all) {
            JsonNode data = event.get("data");
            boolean touch = data.has("repId") && data.has("accountId");
            // The accounts' facts in time order, then the touches; a CSM's most recent day first, as the reps'
            // activity history: their last week is counted before the weeks it is compared with.
            assertThat(touch || !touchesBegun)
                    .as("an account fact after the touches")
                    .isTrue();
            touchesBegun |= touch;
            if (touch) {
                String csm = data.get("repId").asString();
                LocalDate day = Instant.parse(event.get("time").asString())
                        .atZone(DemoCast.teamOf(DemoCast.rep(csm)).zone())
                        .toLocalDate();
                LocalDate before = lastDaySent.put(csm, day);
                assertThat(before == null || !day.isAfter(before))
                        .as("%s: %s sent after %s", csm, day, before)
                        .isTrue();
            }
        }
        assertThat(lastDaySent).containsOnlyKeys("csm-zoe", "csm-liam");
        List<JsonNode> sent = new ArrayList<>(all);
        sent.addAll(live);
        for (JsonNode event : sent) {
            Instant at = Instant.parse(event.get("time").asString());
            assertThat(ids.add(event.get("id").asString())).isTrue();
            assertThat(at).isBeforeOrEqualTo(now).isAfter(now.minus(Duration.ofDays(3 * 365 - 10)));
            JsonNode data = event.get("data");
            String type = event.get("type").asString();
            if (type.equals("salespulse.contract.updated.v1")) {
                ContractUpdate update = new ContractUpdate(
                        data.get("contractId").asString(),
                        data.get("accountId").asString(),
                        data.get("accountName").asString(),
                        data.get("csmRepId").asString(),
                        new Money(
                                data.get("arr").decimalValue(),
                                data.get("currency").asString()),
                        LocalDate.parse(data.get("termStart").asString()),
                        LocalDate.parse(data.get("termEnd").asString()),
                        "CHURNED".equals(data.get("status").asString()),
                        data.has("renewalDealId") ? data.get("renewalDealId").asString() : null,
                        at);
                ContractFacts.Result result = ContractFacts.apply(contracts.get(update.contractId()), update);
                contracts.put(update.contractId(), result.state());
                for (AccountEvent fact : result.facts()) {
                    if (fact instanceof ContractChanged changed) {
                        changes.computeIfAbsent(changed.accountId(), a -> new ArrayList<>())
                                .add(changed.change());
                        if (changed.change() == ContractChange.CHURNED) {
                            churnedAt.put(changed.accountId(), at);
                        }
                    }
                }
            } else if (data.has("accountId") && data.has("repId")) {
                String account = data.get("accountId").asString();
                touched.add(account);
                DemoCast.Team team =
                        DemoCast.teamOf(DemoCast.rep(data.get("repId").asString()));
                ZonedDateTime local = at.atZone(team.zone());
                assertThat(DemoStory.works(team, local.toLocalDate())).isTrue();
                assertThat(local.toLocalTime()).isBetween(LocalTime.of(9, 0), LocalTime.of(17, 0));
                if (type.equals("salespulse.meeting.held.v1")) {
                    meetings.computeIfAbsent(account, a -> new ArrayList<>()).add(at);
                }
            }
        }
        LocalDate parisToday = now.atZone(DemoCast.PARIS.zone()).toLocalDate();
        // Acme: renews in 60 days, never touched.
        assertThat(contracts.get("demo-acme-contract").termEnd()).isEqualTo(parisToday.plusDays(60));
        assertThat(touched).doesNotContain("demo-acme");
        // Stark: started, then churned at its term's end, less than two weeks ago.
        assertThat(changes.get("demo-cogswell")).containsExactly(ContractChange.STARTED, ContractChange.CHURNED);
        assertThat(churnedAt.get("demo-cogswell")).isAfter(now.minus(Duration.ofDays(14)));
        // Wayne: the live snapshot is an expansion, the last fact of its account.
        assertThat(changes.get("demo-kramerica")).containsExactly(ContractChange.STARTED, ContractChange.EXPANDED);
        // Monarch: a renewal under way, and met within the last 30 days.
        assertThat(contracts.get("demo-monarch-contract").renewalDealId()).isEqualTo("demo-renewal-monarch");
        assertThat(meetings.get("demo-monarch"))
                .anySatisfy(at -> assertThat(ChronoUnit.DAYS.between(at, now)).isLessThan(30));
        // Cargo renewed, at a higher ARR.
        assertThat(changes.get("demo-cargo")).containsExactly(ContractChange.STARTED, ContractChange.RENEWED);
    }
}

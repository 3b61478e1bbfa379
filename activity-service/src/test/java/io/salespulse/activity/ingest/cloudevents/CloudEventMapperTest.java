package io.salespulse.activity.ingest.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.activity.deals.DealField;
import io.salespulse.activity.ingest.Inbound;
import io.salespulse.activity.ingest.TimeWindow;
import io.salespulse.contracts.account.NpsAnswered;
import io.salespulse.contracts.activity.CallLogged;
import io.salespulse.contracts.activity.CallOutcome;
import io.salespulse.contracts.activity.EmailSent;
import io.salespulse.contracts.deal.ForecastCategory;
import io.salespulse.contracts.objective.ObjectiveSet;
import io.salespulse.kit.web.FieldProblem;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * CloudEvents 1.0 in structured and batch mode, as the CloudEvents JSON format defines them ({@code specversion},
 * {@code id}, {@code source}, {@code type}, {@code time}, {@code data}), read and mapped without any I/O.
 */
class CloudEventMapperTest {

    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final TimeWindow WINDOW = new TimeWindow(
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(1096), Duration.ofHours(24), Duration.ofMinutes(5));

    final List<FieldProblem> problems = new ArrayList<>();

    Optional<Inbound> map(InboundCloudEvent event) {
        return CloudEventMapper.map(event, "demo", WINDOW, problems);
    }

    @Test
    void aStructuredCallIsACallLoggedAtItsTime() {
        InboundCloudEvent event = CloudEventReader.structured("""
                {"specversion":"1.0","id":"call-1","source":"/demo/dialer","type":"salespulse.call.logged.v1",
                 "time":"2026-11-26T09:15:00+01:00","datacontenttype":"application/json",
                 "data":{"repId":"sdr-lea","callId":"c-9","outcome":"CONNECTED","durationSeconds":300,"dealId":"d-1"}}""".getBytes(StandardCharsets.UTF_8))
                .get(0);
        Inbound.Ready ready = (Inbound.Ready) map(event).orElseThrow();
        assertThat(problems).isEmpty();
        assertThat(ready.entry().source()).isEqualTo("/demo/dialer");
        CallLogged call = (CallLogged) ready.entry().events().get(0).data();
        assertThat(call)
                .isEqualTo(new CallLogged(
                        "sdr-lea", "c-9", CallOutcome.CONNECTED, 300, "d-1", Instant.parse("2026-11-26T08:15:00Z")));
    }

    @Test
    void inABatchEachBadFieldIsNamedWithItsPlace() {
        List<InboundCloudEvent> batch = CloudEventReader.batch("""
                [{"specversion":"1.0","id":"o-1","source":"/demo/crm","type":"salespulse.objective.set.v1","time":"2026-11-01T08:00:00Z",
                  "data":{"objectiveId":"obj-1","scope":"REP","scopeId":"sdr-lea","metric":"REVENUE_WON","target":50000,"currency":"EUR",
                          "periodStart":"2026-11-01","periodEnd":"2026-11-30"}},
                 {"specversion":"1.0","id":"c-2","source":"/demo/crm","type":"salespulse.call.logged.v1","time":"2026-11-26T09:00:00Z",
                  "data":{"outcome":"SHOUTED","durationSeconds":90000}}]""".getBytes(StandardCharsets.UTF_8));
        ObjectiveSet objective =
                (ObjectiveSet) ((Inbound.Ready) map(batch.get(0)).orElseThrow())
                        .entry()
                        .events()
                        .get(0)
                        .data();
        assertThat(objective.target()).isEqualByComparingTo("50000");
        assertThat(map(batch.get(1))).isEmpty();
        assertThat(problems)
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("[1].data.repId", "[1].data.outcome", "[1].data.durationSeconds");
    }

    @Test
    void aDealUpdateMayCarryItsForecastCategoryAndTheSdrWhoSourcedIt() {
        InboundCloudEvent event = CloudEventReader.structured("""
                {"specversion":"1.0","id":"deal-1","source":"/demo/crm","type":"salespulse.deal.updated.v1","time":"2026-11-26T09:15:00Z",
                 "data":{"dealId":"d-7","ownerRepId":"ae-ines","stage":"PROPOSAL","amount":18000,"currency":"EUR",
                         "forecastCategory":"COMMIT","sourcedByRepId":"sdr-lea"}}""".getBytes(StandardCharsets.UTF_8))
                .get(0);
        Inbound.DealChange deal = (Inbound.DealChange) map(event).orElseThrow();
        assertThat(problems).isEmpty();
        assertThat(deal.update().forecastCategory()).isEqualTo(ForecastCategory.COMMIT);
        assertThat(deal.update().sourcedByRepId()).isEqualTo("sdr-lea");
        assertThat(deal.update().present()).contains(DealField.FORECAST_CATEGORY, DealField.SOURCED_BY);

        InboundCloudEvent bad = CloudEventReader.structured("""
                {"specversion":"1.0","id":"deal-2","source":"/demo/crm","type":"salespulse.deal.updated.v1","time":"2026-11-26T09:15:00Z",
                 "data":{"dealId":"d-8","ownerRepId":"ae-ines","stage":"PROPOSAL","amount":18000,"currency":"EUR",
                         "forecastCategory":"HOPEFUL"}}""".getBytes(StandardCharsets.UTF_8))
                .get(0);
        assertThat(map(bad)).isEmpty();
        assertThat(problems).extracting(FieldProblem::field).containsExactly("data.forecastCategory");
    }

    @Test
    void aContractSnapshotAHealthScoreAndAnNpsAnswerAreBoundedAndNamed() {
        List<InboundCloudEvent> batch = CloudEventReader.batch("""
                [{"specversion":"1.0","id":"k-1","source":"/demo/crm","type":"salespulse.contract.updated.v1","time":"2026-11-26T09:00:00Z",
                  "data":{"contractId":"c-1","accountId":"acme","accountName":"Acme","csmRepId":"csm-zoe","arr":48000,"currency":"EUR",
                          "termStart":"2026-03-01","termEnd":"2027-02-28","renewalDealId":"d-4"}},
                 {"specversion":"1.0","id":"k-2","source":"/demo/crm","type":"salespulse.contract.updated.v1","time":"2026-11-26T09:00:00Z",
                  "data":{"contractId":"c-2","accountId":"acme","csmRepId":"csm-zoe","arr":-5,"currency":"EURO",
                          "termStart":"2026-03-01","termEnd":"2026-02-28","status":"PAUSED"}},
                 {"specversion":"1.0","id":"h-1","source":"/demo/crm","type":"salespulse.account.health-updated.v1","time":"2026-11-26T09:00:00Z",
                  "data":{"accountId":"acme","csmRepId":"csm-zoe","score":101}},
                 {"specversion":"1.0","id":"n-1","source":"/demo/survey","type":"salespulse.nps.answered.v1","time":"2026-11-26T09:00:00Z",
                  "data":{"accountId":"acme","csmRepId":"csm-zoe","score":9}},
                 {"specversion":"1.0","id":"n-2","source":"/demo/survey","type":"salespulse.nps.answered.v1","time":"2026-11-26T09:00:00Z",
                  "data":{"accountId":"acme","csmRepId":"csm-zoe","score":11}},
                 {"specversion":"1.0","id":"e-1","source":"/demo/crm","type":"salespulse.email.sent.v1","time":"2026-11-26T09:00:00Z",
                  "data":{"repId":"csm-zoe","accountId":"acme"}}]""".getBytes(StandardCharsets.UTF_8));
        assertThat(map(batch.get(0))).get().isInstanceOf(Inbound.Assembled.class);
        assertThat(problems).isEmpty();
        assertThat(map(batch.get(1))).isEmpty();
        assertThat(problems)
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("[1].data.arr", "[1].data.currency", "[1].data.termEnd", "[1].data.status");
        problems.clear();
        assertThat(map(batch.get(2))).isEmpty();
        assertThat(problems).extracting(FieldProblem::field).containsExactly("[2].data.score");
        problems.clear();
        NpsAnswered answer = (NpsAnswered) ((Inbound.Ready) map(batch.get(3)).orElseThrow())
                .entry()
                .events()
                .get(0)
                .data();
        assertThat(answer)
                .isEqualTo(new NpsAnswered("acme", "n-1", "csm-zoe", 9, Instant.parse("2026-11-26T09:00:00Z")));
        assertThat(map(batch.get(4))).isEmpty();
        assertThat(problems).extracting(FieldProblem::field).containsExactly("[4].data.score");
        EmailSent email = (EmailSent) ((Inbound.Ready) map(batch.get(5)).orElseThrow())
                .entry()
                .events()
                .get(0)
                .data();
        assertThat(email.accountId()).isEqualTo("acme");
    }

    @Test
    void aContractsSnapshotsTellTheSameFactsAsEveryCrm() {
        java.util.List<Inbound> inbound = new java.util.ArrayList<>();
        int n = 0;
        for (io.salespulse.activity.accounts.ContractHistory.Moment m :
                io.salespulse.activity.accounts.ContractHistory.MOMENTS) {
            InboundCloudEvent event = CloudEventReader.structured("""
                    {"specversion":"1.0","id":"k-%d","source":"/demo/crm","type":"salespulse.contract.updated.v1","time":"%s",
                     "data":{"contractId":"c-1","accountId":"acme","accountName":"Acme Logistique","csmRepId":"csm-zoe","arr":%s,
                             "currency":"EUR","termStart":"%s","termEnd":"%s","status":"%s"}}""".formatted(
                                    n++,
                                    m.at(),
                                    m.arr(),
                                    m.termStart(),
                                    m.termEnd(),
                                    m.churned() ? "CHURNED" : "ACTIVE")
                            .getBytes(StandardCharsets.UTF_8))
                    .get(0);
            inbound.add(CloudEventMapper.map(event, "demo", WIDE, problems).orElseThrow());
        }
        assertThat(problems).isEmpty();
        assertThat(io.salespulse.activity.accounts.ContractHistory.told(inbound))
                .isEqualTo(io.salespulse.activity.accounts.ContractHistory.EXPECTED);
    }

    @Test
    void aRetentionObjectiveNamesItsCurrencyAndItsTargetIsAShare() {
        InboundCloudEvent bad = CloudEventReader.structured("""
                {"specversion":"1.0","id":"o-9","source":"/demo/crm","type":"salespulse.objective.set.v1","time":"2026-11-01T08:00:00Z",
                 "data":{"objectiveId":"obj-9","scope":"TEAM","scopeId":"team-paris","metric":"NRR","target":95,
                         "periodStart":"2026-10-01","periodEnd":"2026-12-31"}}""".getBytes(StandardCharsets.UTF_8))
                .get(0);
        assertThat(map(bad)).isEmpty();
        assertThat(problems).extracting(FieldProblem::field).containsExactlyInAnyOrder("data.currency", "data.target");
        problems.clear();
        InboundCloudEvent good = CloudEventReader.structured("""
                {"specversion":"1.0","id":"o-10","source":"/demo/crm","type":"salespulse.objective.set.v1","time":"2026-11-01T08:00:00Z",
                 "data":{"objectiveId":"obj-10","scope":"TEAM","scopeId":"team-paris","metric":"RENEWAL_RATE","target":0.9,
                         "currency":"EUR","periodStart":"2026-10-01","periodEnd":"2026-12-31"}}""".getBytes(StandardCharsets.UTF_8))
                .get(0);
        ObjectiveSet objective = (ObjectiveSet) ((Inbound.Ready) map(good).orElseThrow())
                .entry()
                .events()
                .get(0)
                .data();
        assertThat(problems).isEmpty();
        // A renewal rate has no currency: dropped.
        assertThat(objective.currency()).isNull();
    }

    /** A window whose "now" is after the whole history. */
    static final TimeWindow WIDE = new TimeWindow(
            Clock.fixed(Instant.parse("2027-01-10T00:00:00Z"), ZoneOffset.UTC),
            Duration.ofDays(1096),
            Duration.ofHours(24),
            Duration.ofMinutes(5));
}

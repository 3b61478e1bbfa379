package io.salespulse.activity.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.activity.ingest.Inbound;
import io.salespulse.activity.outbox.AggregateLog;
import io.salespulse.contracts.account.AccountEvent;
import io.salespulse.contracts.account.ContractChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One customer's contract history, told by each CRM its own way (CloudEvents snapshots, Pipedrive organisation
 * webhooks, HubSpot company property changes): signed at 48 000 EUR for 2026, expanded to 60 000 in June, renewed for
 * 2027 at 55 000 in December, lost in June 2027. Each CRM's test applies its inbound events in order through their
 * aggregates and checks it tells {@link #EXPECTED}: the same facts, so the same figures.
 */
public final class ContractHistory {

    /** The snapshots, as (when, ARR, term start, term end, churned). */
    public record Moment(Instant at, String arr, String termStart, String termEnd, boolean churned) {}

    public static final List<Moment> MOMENTS = List.of(
            new Moment(Instant.parse("2026-01-02T09:00:00Z"), "48000", "2026-01-01", "2026-12-31", false),
            new Moment(Instant.parse("2026-06-15T09:00:00Z"), "60000", "2026-01-01", "2026-12-31", false),
            new Moment(Instant.parse("2026-11-20T09:00:00Z"), "55000", "2027-01-01", "2027-12-31", false),
            new Moment(Instant.parse("2026-11-25T09:00:00Z"), "55000", "2027-01-01", "2027-12-31", true));

    /** What every CRM's telling must give: (change, ARR after, ARR before, term end). */
    public static final List<String> EXPECTED = List.of(
            "STARTED 48000 - 2026-12-31",
            "EXPANDED 60000 48000 2026-12-31",
            "RENEWED 55000 60000 2027-12-31",
            "CHURNED 0 55000 2027-12-31");

    private ContractHistory() {}

    /** Applies inbound events in order, each to its aggregate's state, and returns the contract facts they tell. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static List<String> told(List<Inbound> inbound) {
        Map<String, Object> states = new HashMap<>();
        List<String> facts = new ArrayList<>();
        for (Inbound event : inbound) {
            if (event instanceof Inbound.Ready ready) {
                // remembered as received: part of another notification's moment
                assertThat(ready.entry().events()).isEmpty();
                continue;
            }
            assertThat(event).isInstanceOf(Inbound.Assembled.class);
            Inbound.Assembled assembled = (Inbound.Assembled) event;
            AggregateLog.Step step = (AggregateLog.Step) assembled.step().apply(states.get(assembled.aggregate()));
            if (step.state() != null) {
                states.put(assembled.aggregate(), step.state());
            }
            for (Object fact : step.events()) {
                if (fact instanceof ContractChanged c) {
                    facts.add(c.change() + " "
                            + c.arr().amount().stripTrailingZeros().toPlainString() + " "
                            + (c.previousArr() == null
                                    ? "-"
                                    : c.previousArr()
                                            .amount()
                                            .stripTrailingZeros()
                                            .toPlainString())
                            + " " + c.termEnd());
                } else {
                    assertThat(fact).isInstanceOf(AccountEvent.class);
                }
            }
        }
        return facts;
    }
}

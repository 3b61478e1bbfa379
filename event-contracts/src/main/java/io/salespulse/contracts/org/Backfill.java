package io.salespulse.contracts.org;

import java.time.Instant;
import java.util.List;

/**
 * A backfill of teams' history, as it now is (started, then completed). Type {@code salespulse.backfill.v1}, key
 * {@code backfill:<backfillId>}. While it runs, the signal rules do not judge these teams (history loaded piece by piece
 * would raise and resolve signals that were never news); once it is complete they judge each team once, as it now is.
 *
 * @param backfillId  the backfill
 * @param teamIds     the teams whose history it loads
 * @param startedAt   when it started
 * @param completedAt when it completed ({@code null} while it runs)
 * @param occurredAt  when this state was published
 */
public record Backfill(
        String backfillId, List<String> teamIds, Instant startedAt, Instant completedAt, Instant occurredAt)
        implements OrgEvent {

    public Backfill {
        teamIds = teamIds == null ? List.of() : List.copyOf(teamIds);
    }

    @Override
    public String partitionKey() {
        return "backfill:" + backfillId;
    }
}

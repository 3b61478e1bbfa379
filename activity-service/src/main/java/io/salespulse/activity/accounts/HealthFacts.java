package io.salespulse.activity.accounts;

import io.salespulse.contracts.account.AccountHealthUpdated;
import java.time.Instant;
import java.util.List;

/**
 * An account's health score as the CRM last gave it, and the fact a new score makes: told when it changes, with the
 * score before, so a fall is visible on the event itself. An older score than the one held is stale. Pure.
 */
public final class HealthFacts {

    private HealthFacts() {}

    /**
     * What a CRM said about an account's health.
     *
     * @param accountId  the account
     * @param csmRepId   its CSM ({@code null}: unattributed)
     * @param score      0 to 100
     * @param occurredAt when the CRM recorded it
     */
    public record Update(String accountId, String csmRepId, int score, Instant occurredAt) {

        /** The aggregate that orders an account's health scores in the accepted-event log. */
        public String aggregate() {
            return "account-health:" + accountId;
        }
    }

    /**
     * An account's last score.
     *
     * @param accountId the account
     * @param score     its score
     * @param updatedAt when the CRM recorded it
     */
    public record State(String accountId, int score, Instant updatedAt) {}

    /**
     * @param state the state after the update
     * @param facts the score's change, if it changed
     */
    public record Result(State state, List<AccountHealthUpdated> facts) {}

    public static Result apply(State previous, Update u) {
        if (previous != null && u.occurredAt().isBefore(previous.updatedAt())) {
            return new Result(previous, List.of());
        }
        State state = new State(u.accountId(), u.score(), u.occurredAt());
        if (previous != null && previous.score() == u.score()) {
            return new Result(previous, List.of());
        }
        return new Result(
                state,
                List.of(new AccountHealthUpdated(
                        u.accountId(),
                        u.csmRepId(),
                        u.score(),
                        previous == null ? null : previous.score(),
                        u.occurredAt())));
    }
}

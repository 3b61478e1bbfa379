package io.salespulse.activity.deals;

import io.salespulse.contracts.Money;
import io.salespulse.contracts.deal.CloseDateDirection;
import io.salespulse.contracts.deal.DealAmountChanged;
import io.salespulse.contracts.deal.DealCloseDateMoved;
import io.salespulse.contracts.deal.DealCreated;
import io.salespulse.contracts.deal.DealEvent;
import io.salespulse.contracts.deal.DealForecastCategoryChanged;
import io.salespulse.contracts.deal.DealLost;
import io.salespulse.contracts.deal.DealOwnerChanged;
import io.salespulse.contracts.deal.DealSourced;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.deal.DealStageChanged;
import io.salespulse.contracts.deal.DealWon;
import io.salespulse.contracts.deal.ForecastCategory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a CRM update with the state held and tells the facts: created, owner changed, amount changed, close date
 * pushed or pulled, stage changed, won, lost, forecast category set by the CRM, sourced by an SDR. Each field is taken
 * only if the update is not older than that field's last change. Pure: every rule is a unit test.
 */
public final class DealFacts {

    private DealFacts() {}

    /**
     * @param state the facts and the state after the update; {@code state} is the previous one when nothing changed
     * @param facts what happened, in the order consumers should apply it
     */
    public record Result(DealState state, List<DealEvent> facts) {}

    /**
     * The facts an update makes. A deal is told to the other services once its owner is known: a CRM that creates a
     * deal before saying whose it is (HubSpot's {@code deal.creation}, then its properties one by one) would otherwise
     * announce it to no team, count its creation nowhere and its first stage as a move. Until then its changes are
     * kept, not told; the owner's arrival tells its creation as it then stands (dated when the CRM created it).
     */
    public static Result apply(DealState previous, DealUpdate update) {
        if (previous == null) {
            return create(update);
        }
        if (!announced(previous)) {
            DealState state = change(previous, update).state();
            return new Result(state, announced(state) ? creation(state, state.stageSince()) : List.of());
        }
        return change(previous, update);
    }

    /** Whether the deal has been told: its owner was given (a CRM owner that maps to no rep counts: it is unattributed). */
    static boolean announced(DealState state) {
        return state.fieldTimes().containsKey(DealField.OWNER);
    }

    private static Result create(DealUpdate u) {
        DealStage stage = u.has(DealField.STAGE) && u.stage() != null ? u.stage() : DealStage.NEW;
        Instant createdAt =
                u.createdAt() != null && !u.createdAt().isAfter(u.occurredAt()) ? u.createdAt() : u.occurredAt();
        Map<DealField, Instant> times = new EnumMap<>(DealField.class);
        u.present().forEach(field -> times.put(field, u.occurredAt()));
        ForecastCategory category = u.has(DealField.FORECAST_CATEGORY) ? u.forecastCategory() : null;
        String sourcedBy = u.has(DealField.SOURCED_BY) ? u.sourcedByRepId() : null;
        DealState state = new DealState(
                u.dealId(),
                u.ownerRepId(),
                u.ownerExternalId(),
                u.name(),
                stage,
                u.amount(),
                u.expectedCloseDate(),
                u.lostReason(),
                createdAt,
                createdAt,
                0,
                times,
                category,
                sourcedBy);
        return new Result(state, announced(state) ? creation(state, u.occurredAt()) : List.of());
    }

    /** The facts that tell a deal as it stands: created, with its category, sourcing SDR, and its win or loss at {@code closedAt}. */
    private static List<DealEvent> creation(DealState state, Instant closedAt) {
        String owner = state.ownerRepId();
        List<DealEvent> facts = new ArrayList<>();
        facts.add(new DealCreated(
                state.dealId(),
                owner,
                state.name(),
                state.stage(),
                state.amount(),
                state.expectedCloseDate(),
                state.createdAt()));
        Instant told = state.fieldTimes().get(DealField.OWNER);
        if (state.forecastCategory() != null) {
            facts.add(new DealForecastCategoryChanged(state.dealId(), owner, null, state.forecastCategory(), told));
        }
        if (state.sourcedByRepId() != null) {
            facts.add(new DealSourced(state.dealId(), owner, state.sourcedByRepId(), told));
        }
        if (state.stage() == DealStage.WON) {
            facts.add(new DealWon(state.dealId(), owner, state.amount(), state.createdAt(), closedAt));
        } else if (state.stage() == DealStage.LOST) {
            facts.add(new DealLost(state.dealId(), owner, state.amount(), DealStage.NEW, state.lostReason(), closedAt));
        }
        return facts;
    }

    private static Result change(DealState p, DealUpdate u) {
        Instant at = u.occurredAt();
        Map<DealField, Instant> times = new EnumMap<>(DealField.class);
        times.putAll(p.fieldTimes());
        String owner = p.ownerRepId();
        String ownerExternal = p.ownerExternalId();
        String name = p.name();
        DealStage stage = p.stage();
        Money amount = p.amount();
        LocalDate closeDate = p.expectedCloseDate();
        String lostReason = p.lostReason();
        Instant stageSince = p.stageSince();
        int pushes = p.closeDatePushes();
        ForecastCategory category = p.forecastCategory();
        String sourcedBy = p.sourcedByRepId();
        List<DealEvent> facts = new ArrayList<>();

        if (takes(u, DealField.LOST_REASON, times)) {
            lostReason = u.lostReason();
        }
        if (takes(u, DealField.NAME, times)) {
            name = u.name();
        }
        if (takes(u, DealField.OWNER, times)) {
            if (!Objects.equals(owner, u.ownerRepId())) {
                facts.add(new DealOwnerChanged(u.dealId(), owner, u.ownerRepId(), at));
            }
            owner = u.ownerRepId();
            ownerExternal = u.ownerExternalId();
        }
        if (takes(u, DealField.AMOUNT, times) && u.amount() != null && !sameMoney(amount, u.amount())) {
            facts.add(new DealAmountChanged(u.dealId(), owner, stage, amount, u.amount(), at));
            amount = u.amount();
        }
        if (takes(u, DealField.CLOSE_DATE, times)
                && u.expectedCloseDate() != null
                && !u.expectedCloseDate().equals(closeDate)) {
            CloseDateDirection direction = closeDate == null
                    ? CloseDateDirection.SET
                    : u.expectedCloseDate().isAfter(closeDate) ? CloseDateDirection.PUSHED : CloseDateDirection.PULLED;
            if (direction == CloseDateDirection.PUSHED) {
                pushes++;
            }
            facts.add(
                    new DealCloseDateMoved(u.dealId(), owner, closeDate, u.expectedCloseDate(), direction, pushes, at));
            closeDate = u.expectedCloseDate();
        }
        if (takes(u, DealField.FORECAST_CATEGORY, times) && u.forecastCategory() != category) {
            facts.add(new DealForecastCategoryChanged(u.dealId(), owner, category, u.forecastCategory(), at));
            category = u.forecastCategory();
        }
        if (takes(u, DealField.SOURCED_BY, times)
                && u.sourcedByRepId() != null
                && !u.sourcedByRepId().equals(sourcedBy)) {
            facts.add(new DealSourced(u.dealId(), owner, u.sourcedByRepId(), at));
            sourcedBy = u.sourcedByRepId();
        }
        if (takes(u, DealField.STAGE, times) && u.stage() != null && u.stage() != stage) {
            long days = Duration.between(stageSince, at).toDays();
            facts.add(new DealStageChanged(u.dealId(), owner, stage, u.stage(), Math.max(0, days), amount, at));
            if (u.stage() == DealStage.WON) {
                facts.add(new DealWon(u.dealId(), owner, amount, p.createdAt(), at));
            } else if (u.stage() == DealStage.LOST) {
                facts.add(new DealLost(u.dealId(), owner, amount, stage, lostReason, at));
            }
            stage = u.stage();
            stageSince = at;
        }
        DealState next = new DealState(
                p.dealId(),
                owner,
                ownerExternal,
                name,
                stage,
                amount,
                closeDate,
                lostReason,
                p.createdAt(),
                stageSince,
                pushes,
                times,
                category,
                sourcedBy);
        return new Result(next, facts);
    }

    /** Whether the update's value of a field is to be taken (it is not older than the field's last change). */
    private static boolean takes(DealUpdate u, DealField field, Map<DealField, Instant> times) {
        if (!u.has(field)) {
            return false;
        }
        Instant last = times.get(field);
        if (last != null && u.occurredAt().isBefore(last)) {
            return false;
        }
        times.put(field, u.occurredAt());
        return true;
    }

    private static boolean sameMoney(Money a, Money b) {
        return a != null
                && b != null
                && a.currency().equals(b.currency())
                && a.amount().compareTo(b.amount()) == 0;
    }
}

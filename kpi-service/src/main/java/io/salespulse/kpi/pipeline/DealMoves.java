package io.salespulse.kpi.pipeline;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Money;
import io.salespulse.contracts.deal.DealAmountChanged;
import io.salespulse.contracts.deal.DealCloseDateMoved;
import io.salespulse.contracts.deal.DealCreated;
import io.salespulse.contracts.deal.DealEvent;
import io.salespulse.contracts.deal.DealLost;
import io.salespulse.contracts.deal.DealSourced;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.deal.DealStageChanged;
import io.salespulse.contracts.deal.DealWon;
import io.salespulse.kpi.deals.DealProjection;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What moved in the pipeline, one document per deal fact that a pipeline review tells (the {@code deal_moves} view):
 * created, advanced or moved back a stage, close date moved, amount changed, won, lost, sourced by an SDR. Each is
 * kept with the owner's team and the day (in the owner's zone) it happened, keyed by the fact's event id, so a
 * redelivery is the same document. A review of any period reads that period's moves only: what is in flight, not
 * what is stored.
 */
@Component
public class DealMoves {

    /** The kinds of move. */
    public enum Kind {
        CREATED,
        ADVANCED,
        MOVED_BACK,
        CLOSE_DATE,
        AMOUNT,
        WON,
        LOST,
        SOURCED
    }

    /**
     * One move as stored: amounts are Decimal128; dates are ISO days (compared as text).
     *
     * @param amount           the deal's amount after the move (for AMOUNT, the new amount)
     * @param previousAmount   for AMOUNT, the amount before
     * @param previousDate     for CLOSE_DATE, the date before ({@code null}: it had none)
     * @param currentDate      for CLOSE_DATE, the date after
     * @param reason           for LOST, the CRM's lost reason
     * @param sdrRepId         for SOURCED, the SDR credited
     */
    @Document("deal_moves")
    public record Move(
            @Id String eventId,
            String dealId,
            String teamId,
            String ownerRepId,
            String day,
            Instant at,
            Kind kind,
            BigDecimal amount,
            String currency,
            BigDecimal previousAmount,
            String previousCurrency,
            String fromStage,
            String toStage,
            String previousDate,
            String currentDate,
            String reason,
            String sdrRepId) {

        public Money money() {
            return amount == null || currency == null ? null : new Money(amount, currency);
        }

        public Money previousMoney() {
            return previousAmount == null || previousCurrency == null
                    ? null
                    : new Money(previousAmount, previousCurrency);
        }
    }

    private final MongoTemplate mongo;
    private final DealProjection deals;

    DealMoves(MongoTemplate mongo, DealProjection deals) {
        this.mongo = mongo;
        this.deals = deals;
        mongo.indexOps(Move.class)
                .createIndex(new Index().on("teamId", Sort.Direction.ASC).on("day", Sort.Direction.ASC));
        mongo.indexOps(Move.class)
                .createIndex(new Index().on("ownerRepId", Sort.Direction.ASC).on("day", Sort.Direction.ASC));
    }

    /** Records the move a deal fact tells, if any (after the deal view took the fact). */
    public void record(EventEnvelope envelope, String teamId, LocalDate day) {
        DealEvent fact = envelope.dataAs(DealEvent.class);
        Move move = null;
        if (fact instanceof DealCreated created) {
            move = move(envelope, fact, teamId, day, Kind.CREATED, created.amount())
                    .build();
        } else if (fact instanceof DealStageChanged moved
                && moved.to() != DealStage.WON
                && moved.to() != DealStage.LOST) {
            move = move(
                            envelope,
                            fact,
                            teamId,
                            day,
                            moved.movesForward() ? Kind.ADVANCED : Kind.MOVED_BACK,
                            moved.amount())
                    .stages(moved.from(), moved.to())
                    .build();
        } else if (fact instanceof DealCloseDateMoved moved) {
            move = move(envelope, fact, teamId, day, Kind.CLOSE_DATE, currentAmount(fact.dealId()))
                    .dates(moved.previous(), moved.current())
                    .build();
        } else if (fact instanceof DealAmountChanged changed) {
            move = move(envelope, fact, teamId, day, Kind.AMOUNT, changed.current())
                    .previous(changed.previous())
                    .build();
        } else if (fact instanceof DealWon won) {
            move = move(envelope, fact, teamId, day, Kind.WON, won.amount()).build();
        } else if (fact instanceof DealLost lost) {
            move = move(envelope, fact, teamId, day, Kind.LOST, lost.amount())
                    .stages(lost.lostFrom(), DealStage.LOST)
                    .reason(lost.reason())
                    .build();
        } else if (fact instanceof DealSourced sourced) {
            move = move(envelope, fact, teamId, day, Kind.SOURCED, currentAmount(fact.dealId()))
                    .sdr(sourced.sdrRepId())
                    .build();
        }
        if (move != null) {
            insert(move);
        }
    }

    /** A deal credited to the SDR who booked a meeting on it ({@link DealProjection#attributeIfUnsourced}). */
    public void recordSourcedByMeeting(
            String eventId, String dealId, String sdrRepId, String teamId, LocalDate day, Instant at) {
        DealProjection.Deal deal = deals.find(dealId).orElse(null);
        Money amount = deal == null ? null : deal.amount();
        insert(new Move(
                eventId,
                dealId,
                teamId,
                deal == null ? null : deal.ownerRepId(),
                day.toString(),
                at,
                Kind.SOURCED,
                amount == null ? null : amount.amount(),
                amount == null ? null : amount.currency(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                sdrRepId));
    }

    /** A rep's moves recorded before their team was known get it (see {@code TeamAttribution}). */
    public void attributeToTeam(String repId, String teamId) {
        mongo.updateMulti(
                query(where("ownerRepId").is(repId).and("teamId").is(null)),
                new Update().set("teamId", teamId),
                Move.class);
    }

    /** A team's moves from..to (days in the team's zone). */
    public List<Move> ofTeam(String teamId, LocalDate from, LocalDate to) {
        return between(where("teamId").is(teamId), from, to);
    }

    /** A rep's moves (as owner) from..to. */
    public List<Move> ofRep(String repId, LocalDate from, LocalDate to) {
        return between(where("ownerRepId").is(repId), from, to);
    }

    private List<Move> between(Criteria who, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return List.of();
        }
        return mongo.find(
                query(who.and("day").gte(from.toString()).lte(to.toString())).with(Sort.by("at", "_id")), Move.class);
    }

    private void insert(Move move) {
        try {
            mongo.insert(move);
        } catch (DuplicateKeyException redelivered) {
            // recorded already
        }
    }

    private Money currentAmount(String dealId) {
        return deals.find(dealId).map(DealProjection.Deal::amount).orElse(null);
    }

    private static Builder move(
            EventEnvelope envelope, DealEvent fact, String teamId, LocalDate day, Kind kind, Money amount) {
        return new Builder(
                envelope.id(),
                fact.dealId(),
                teamId,
                fact.ownerRepId(),
                day.toString(),
                fact.occurredAt(),
                kind,
                amount);
    }

    /** A move being built from a fact. */
    private static final class Builder {
        private final String eventId;
        private final String dealId;
        private final String teamId;
        private final String ownerRepId;
        private final String day;
        private final Instant at;
        private final Kind kind;
        private final Money amount;
        private Money previous;
        private String fromStage;
        private String toStage;
        private String previousDate;
        private String currentDate;
        private String reason;
        private String sdr;

        Builder(
                String eventId,
                String dealId,
                String teamId,
                String ownerRepId,
                String day,
                Instant at,
                Kind kind,
                Money amount) {
            this.eventId = eventId;
            this.dealId = dealId;
            this.teamId = teamId;
            this.ownerRepId = ownerRepId;
            this.day = day;
            this.at = at;
            this.kind = kind;
            this.amount = amount;
        }

        Builder stages(DealStage from, DealStage to) {
            this.fromStage = from == null ? null : from.name();
            this.toStage = to == null ? null : to.name();
            return this;
        }

        Builder dates(LocalDate before, LocalDate after) {
            this.previousDate = before == null ? null : before.toString();
            this.currentDate = after == null ? null : after.toString();
            return this;
        }

        Builder previous(Money before) {
            this.previous = before;
            return this;
        }

        Builder reason(String why) {
            this.reason = why;
            return this;
        }

        Builder sdr(String repId) {
            this.sdr = repId;
            return this;
        }

        Move build() {
            return new Move(
                    eventId,
                    dealId,
                    teamId,
                    ownerRepId,
                    day,
                    at,
                    kind,
                    amount == null ? null : amount.amount(),
                    amount == null ? null : amount.currency(),
                    previous == null ? null : previous.amount(),
                    previous == null ? null : previous.currency(),
                    fromStage,
                    toStage,
                    previousDate,
                    currentDate,
                    reason,
                    sdr);
        }
    }
}

package io.salespulse.kpi.deals;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Money;
import io.salespulse.contracts.deal.DealAmountChanged;
import io.salespulse.contracts.deal.DealCloseDateMoved;
import io.salespulse.contracts.deal.DealCreated;
import io.salespulse.contracts.deal.DealEvent;
import io.salespulse.contracts.deal.DealLost;
import io.salespulse.contracts.deal.DealOwnerChanged;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.deal.DealStageChanged;
import io.salespulse.contracts.deal.DealWon;
import io.salespulse.kit.mongo.Decimals;
import io.salespulse.kpi.activity.Measures;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Each deal as kpi-service sees it (the {@code deals} view): owner, stage, amount, expected close date, status.
 * Facts only ever {@code $set} what they say, and a deal's facts arrive in order on its partition, so replaying them
 * gives the same view. Each stage change's duration is kept too (the {@code stage_durations} view) for the median
 * days per stage.
 */
@Component
public class DealProjection {

    static final String DEALS = "deals";
    static final String STAGE_DURATIONS = "stage_durations";

    private final MongoTemplate mongo;

    DealProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getCollection(DEALS).createIndex(new Document("ownerRepId", 1).append("status", 1));
        mongo.getCollection(STAGE_DURATIONS).createIndex(new Document("teamId", 1).append("day", 1));
    }

    /**
     * A deal as viewed here. {@code name} and {@code stageSince} (when it entered its stage) are null for a deal last
     * stored by a build that did not keep them, until its next stage change.
     */
    public record Deal(String dealId, String ownerRepId, String name, DealStage stage, Money amount, LocalDate expectedCloseDate,
                       Instant createdAt, Instant stageSince, String status, Instant closedAt) {
    }

    public void apply(EventEnvelope envelope, String teamOfOwner, LocalDate day) {
        DealEvent fact = envelope.dataAs(DealEvent.class);
        List<Bson> set = new ArrayList<>();
        if (fact instanceof DealCreated created) {
            set.add(Updates.set("ownerRepId", created.ownerRepId()));
            set.add(Updates.set("stage", created.stage().name()));
            set.add(Updates.set("createdAt", Date.from(created.occurredAt())));
            set.add(Updates.max("stageSince", Date.from(created.occurredAt())));
            if (created.name() != null) {
                set.add(Updates.set("name", created.name()));
            }
            set.add(Updates.set("status", status(created.stage())));
            money(set, created.amount());
            if (created.expectedCloseDate() != null) {
                set.add(Updates.set("expectedCloseDate", created.expectedCloseDate().toString()));
            }
        } else if (fact instanceof DealStageChanged moved) {
            set.add(Updates.set("stage", moved.to().name()));
            set.add(Updates.set("status", status(moved.to())));
            set.add(Updates.max("stageSince", Date.from(moved.occurredAt())));
            money(set, moved.amount());
            recordDuration(envelope.id(), teamOfOwner, moved, day);
        } else if (fact instanceof DealAmountChanged changed) {
            money(set, changed.current());
        } else if (fact instanceof DealCloseDateMoved moved) {
            set.add(Updates.set("expectedCloseDate", moved.current().toString()));
        } else if (fact instanceof DealOwnerChanged owner) {
            set.add(Updates.set("ownerRepId", owner.ownerRepId()));
        } else if (fact instanceof DealWon won) {
            set.add(Updates.set("status", "WON"));
            set.add(Updates.set("stage", DealStage.WON.name()));
            set.add(Updates.set("closedAt", Date.from(won.occurredAt())));
            set.add(Updates.set("closedDay", day.toString()));
            set.add(Updates.set("wonCreatedAt", won.createdAt() == null ? null : Date.from(won.createdAt())));
            set.add(Updates.set("closedTeamId", teamOfOwner));
            money(set, won.amount());
        } else if (fact instanceof DealLost lost) {
            set.add(Updates.set("status", "LOST"));
            set.add(Updates.set("stage", DealStage.LOST.name()));
            set.add(Updates.set("closedAt", Date.from(lost.occurredAt())));
            set.add(Updates.set("closedDay", day.toString()));
        }
        deals().updateOne(Filters.eq("_id", fact.dealId()), Updates.combine(set), new UpdateOptions().upsert(true));
    }

    private void recordDuration(String eventId, String teamId, DealStageChanged moved, LocalDate day) {
        try {
            mongo.getCollection(STAGE_DURATIONS).insertOne(new Document("_id", eventId).append("teamId", teamId)
                    .append("stage", moved.from().name()).append("days", moved.daysInPreviousStage()).append("day", day.toString()));
        } catch (com.mongodb.MongoWriteException | DuplicateKeyException e) {
            // counted already (a redelivery)
        }
    }

    /** Open deals owned by these reps. */
    public List<Deal> openDealsOf(List<String> repIds) {
        return read(Filters.and(Filters.eq("status", "OPEN"), Filters.in("ownerRepId", repIds)));
    }

    /** Deals won by these reps and closed from..to (days in the team's zone). */
    public List<Deal> wonBy(List<String> repIds, LocalDate from, LocalDate to) {
        return read(Filters.and(Filters.eq("status", "WON"), Filters.in("ownerRepId", repIds),
                Filters.gte("closedDay", from.toString()), Filters.lte("closedDay", to.toString())));
    }

    /** Days spent in each stage left by a team's deals from..to. */
    public List<Document> stageDurations(String teamId, LocalDate from, LocalDate to) {
        return mongo.getCollection(STAGE_DURATIONS).find(Filters.and(Filters.eq("teamId", teamId),
                Filters.gte("day", from.toString()), Filters.lte("day", to.toString()))).into(new ArrayList<>());
    }

    private List<Deal> read(Bson filter) {
        List<Deal> deals = new ArrayList<>();
        for (Document doc : deals().find(filter)) {
            Money amount = doc.getString("currency") == null ? null : new Money(storedAmount(doc), doc.getString("currency"));
            Date created = doc.getDate("wonCreatedAt") != null ? doc.getDate("wonCreatedAt") : doc.getDate("createdAt");
            deals.add(new Deal(doc.getString("_id"), doc.getString("ownerRepId"), doc.getString("name"),
                    doc.getString("stage") == null ? DealStage.NEW : DealStage.valueOf(doc.getString("stage")), amount,
                    doc.getString("expectedCloseDate") == null ? null : LocalDate.parse(doc.getString("expectedCloseDate")),
                    created == null ? null : created.toInstant(),
                    doc.getDate("stageSince") == null ? null : doc.getDate("stageSince").toInstant(), doc.getString("status"),
                    doc.getDate("closedAt") == null ? null : doc.getDate("closedAt").toInstant()));
        }
        return deals;
    }

    /** The deal's amount: Decimal128; earlier builds stored hundredths in a long, read until the deal next changes. */
    private static BigDecimal storedAmount(Document doc) {
        return doc.containsKey("amount") ? Decimals.read(doc.get("amount")) : Measures.amount(doc.get("amountCents", Number.class).longValue());
    }

    private static void money(List<Bson> set, Money money) {
        if (money != null) {
            set.add(Updates.set("amount", Decimals.bson(money.amount())));
            set.add(Updates.unset("amountCents"));
            set.add(Updates.set("currency", money.currency()));
        }
    }

    private static String status(DealStage stage) {
        return stage == DealStage.WON ? "WON" : stage == DealStage.LOST ? "LOST" : "OPEN";
    }

    private MongoCollection<Document> deals() {
        return mongo.getCollection(DEALS);
    }
}

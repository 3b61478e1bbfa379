package io.salespulse.coaching.oneonones;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The 1:1s managers record with their reps (typed documents mapped by Spring Data): when, notes (possibly private to
 * the manager who wrote them), an optional 1-5 energy check, and action items with an owner and a due date. The next
 * agenda starts from the last one.
 */
@Component
public class OneOnOneRecords {

    /** An action item agreed in a 1:1; {@code doneAt} null while open. Dates are ISO days of the team's zone. */
    public record ActionItem(String itemId, String text, String owner, String due, Instant doneAt) {}

    /**
     * A recorded 1:1. {@code heldOn} is an ISO day of the team's zone; {@code revision} counts its changes (an item
     * marked done is written only over the revision it was read at).
     */
    @Document("one_on_ones")
    public record OneOnOne(
            @Id String oneOnOneId,
            String repId,
            String teamId,
            String managerId,
            String heldOn,
            String notes,
            boolean privateNotes,
            Integer energy,
            List<ActionItem> actionItems,
            Instant recordedAt,
            long revision) {}

    /** An open action item, as the agenda lists it. */
    public record OpenItem(
            String oneOnOneId, String itemId, String text, String owner, LocalDate due, boolean overdue) {}

    private final MongoTemplate mongo;

    OneOnOneRecords(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(OneOnOne.class)
                .createIndex(new Index().on("repId", Sort.Direction.ASC).on("heldOn", Sort.Direction.DESC));
        mongo.indexOps(OneOnOne.class)
                .createIndex(new Index().on("teamId", Sort.Direction.ASC).on("heldOn", Sort.Direction.ASC));
    }

    Optional<OneOnOne> get(String oneOnOneId) {
        return Optional.ofNullable(mongo.findById(oneOnOneId, OneOnOne.class));
    }

    /**
     * Writes a 1:1 over the revision it was read at ({@code -1}: it did not exist). False when it changed (or was
     * created) meanwhile: nothing written, so no change replaces one its author never saw.
     */
    boolean write(OneOnOne record, long expectedRevision) {
        return io.salespulse.kit.mongo.LatestState.writeAtRevision(
                mongo, record.oneOnOneId(), record, expectedRevision);
    }

    /** A rep's 1:1s, the latest first (at most {@code limit}). */
    List<OneOnOne> ofRep(String repId, int limit) {
        return mongo.find(
                new Query(where("repId").is(repId))
                        .with(Sort.by(Sort.Direction.DESC, "heldOn", "recordedAt"))
                        .limit(limit),
                OneOnOne.class);
    }

    /** The energy checks of the rep's last 1:1s that recorded one, the latest first (at most {@code limit}). */
    public List<Integer> energies(String repId, int limit) {
        return energyChecks(repId, limit).stream().map(OneOnOne::energy).toList();
    }

    /** The rep's last 1:1s that recorded an energy check, the latest first (at most {@code limit}). */
    public List<OneOnOne> energyChecks(String repId, int limit) {
        return mongo.find(
                new Query(where("repId").is(repId).and("energy").ne(null))
                        .with(Sort.by(Sort.Direction.DESC, "heldOn", "recordedAt"))
                        .limit(limit),
                OneOnOne.class);
    }

    /** The day a team's first 1:1 was held, as recorded here (none: the team records no 1:1 in SalesPulse). */
    public Optional<LocalDate> firstOfTeam(String teamId) {
        return Optional.ofNullable(mongo.findOne(
                        new Query(where("teamId").is(teamId))
                                .with(Sort.by(Sort.Direction.ASC, "heldOn"))
                                .limit(1),
                        OneOnOne.class))
                .map(first -> LocalDate.parse(first.heldOn()));
    }

    /** The rep's last 1:1, if any. */
    public Optional<OneOnOne> last(String repId) {
        return ofRep(repId, 1).stream().findFirst();
    }

    /**
     * Marks an action item of a rep's 1:1 done (once: a second time changes nothing) and answers the 1:1 as it now is;
     * empty if the rep has no such 1:1 or item. The items are rewritten only if they are still as read (another change
     * in between makes it read and try again).
     */
    Optional<OneOnOne> done(String repId, String oneOnOneId, String itemId, Instant at) {
        for (int attempt = 0; attempt < 5; attempt++) {
            OneOnOne record = mongo.findById(oneOnOneId, OneOnOne.class);
            if (record == null
                    || !record.repId().equals(repId)
                    || record.actionItems().stream()
                            .noneMatch(item -> item.itemId().equals(itemId))) {
                return Optional.empty();
            }
            List<ActionItem> items = record.actionItems().stream()
                    .map(item -> item.itemId().equals(itemId) && item.doneAt() == null
                            ? new ActionItem(item.itemId(), item.text(), item.owner(), item.due(), at)
                            : item)
                    .toList();
            if (items.equals(record.actionItems())) {
                return Optional.of(record);
            }
            if (mongo.updateFirst(
                                    query(where("_id")
                                            .is(oneOnOneId)
                                            .and("revision")
                                            .is(record.revision())),
                                    new Update().set("actionItems", items).set("revision", record.revision() + 1),
                                    OneOnOne.class)
                            .getModifiedCount()
                    == 1) {
                return Optional.of(new OneOnOne(
                        record.oneOnOneId(),
                        record.repId(),
                        record.teamId(),
                        record.managerId(),
                        record.heldOn(),
                        record.notes(),
                        record.privateNotes(),
                        record.energy(),
                        items,
                        record.recordedAt(),
                        record.revision() + 1));
            }
        }
        throw new IllegalStateException("1:1 " + oneOnOneId + " kept changing while an item was marked done");
    }

    /** A rep's open action items from every 1:1, the soonest due first; overdue when due before {@code today}. */
    public List<OpenItem> openItems(String repId, LocalDate today) {
        List<OpenItem> open = new ArrayList<>();
        for (OneOnOne record : mongo.find(query(where("repId").is(repId)), OneOnOne.class)) {
            for (ActionItem item : record.actionItems()) {
                if (item.doneAt() == null) {
                    LocalDate due = item.due() == null ? null : LocalDate.parse(item.due());
                    open.add(new OpenItem(
                            record.oneOnOneId(),
                            item.itemId(),
                            item.text(),
                            item.owner(),
                            due,
                            due != null && due.isBefore(today)));
                }
            }
        }
        open.sort(java.util.Comparator.comparing(
                OpenItem::due, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        return open;
    }
}

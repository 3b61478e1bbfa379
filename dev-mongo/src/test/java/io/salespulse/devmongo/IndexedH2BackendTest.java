package io.salespulse.devmongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The indexed backend answers every query exactly as the plain H2 backend does (same documents, same order where
 * sorted), through inserts, updates that move documents between index keys, deletes and a restart; and it reads only
 * what an index points at where the plain backend reads the whole collection.
 */
class IndexedH2BackendTest {

    private static final int DOCUMENTS = 3000;

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private record Server(
            MongoServer server, MVStore store, IndexedH2Backend indexed, MongoCollection<Document> collection) {}

    private Server start(boolean indexed, String file) {
        MVStore store =
                new MVStore.Builder().fileName(dir.resolve(file).toString()).open();
        IndexedH2Backend backend = indexed ? new IndexedH2Backend(store) : null;
        MongoServer server = new MongoServer(indexed ? backend : new H2Backend(store));
        InetSocketAddress address = server.bind();
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        open.add(server::shutdown);
        open.add(client);
        MongoCollection<Document> collection = client.getDatabase("db").getCollection("items");
        collection.createIndex(Indexes.ascending("status", "sequence"));
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("owner"), Indexes.descending("sequence")));
        collection.createIndex(Indexes.ascending("tags"));
        collection.createIndex(Indexes.ascending("slot", "version"), new IndexOptions().unique(true));
        return new Server(server, store, backend, collection);
    }

    private static List<Document> documents() {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            Document document = new Document("_id", "d" + i)
                    .append("status", i % 100 == 0 ? "QUEUED" : i % 100 == 1 ? "SENDING" : "SENT")
                    .append("sequence", (long) i)
                    .append("tags", List.of("t" + (i % 7), "all"))
                    .append("slot", "s" + (i % 500))
                    .append("version", i / 500);
            if (i % 3 != 0) {
                document.append("owner", "rep" + (i % 40));
            }
            documents.add(document);
        }
        return documents;
    }

    private static Map<String, Bson> queries() {
        return Map.ofEntries(
                Map.entry("equality on a secondary key", Filters.eq("status", "QUEUED")),
                Map.entry("equality, numbers of another type", Filters.eq("owner", "rep7")),
                Map.entry("$in on a secondary key", Filters.in("status", "QUEUED", "SENDING")),
                Map.entry(
                        "$and with a range",
                        Filters.and(Filters.eq("status", "QUEUED"), Filters.gte("sequence", 1000L))),
                Map.entry(
                        "a closed range on the second key",
                        Filters.and(
                                Filters.eq("status", "SENT"),
                                Filters.gt("sequence", 1000L),
                                Filters.lte("sequence", 1200L))),
                Map.entry(
                        "a range on a descending second key",
                        Filters.and(
                                Filters.eq("owner", "rep5"),
                                Filters.gte("sequence", 100L),
                                Filters.lt("sequence", 2000L))),
                Map.entry(
                        "a range of another type",
                        Filters.and(Filters.eq("status", "SENT"), Filters.lt("sequence", 50))),
                Map.entry("$and with $ne", Filters.and(Filters.eq("status", "SENT"), Filters.ne("owner", "rep1"))),
                Map.entry(
                        "_id among other conditions", Filters.and(Filters.eq("_id", "d42"), Filters.ne("tags", "t3"))),
                Map.entry(
                        "_id $in among other conditions",
                        Filters.and(Filters.in("_id", "d1", "d2", "d900"), Filters.eq("status", "SENDING"))),
                Map.entry(
                        "every key of a compound unique index",
                        Filters.and(Filters.eq("slot", "s7"), Filters.eq("version", 3))),
                Map.entry("an array element", Filters.eq("tags", "t5")),
                Map.entry(
                        "$or of indexed branches",
                        Filters.or(
                                Filters.and(Filters.eq("status", "QUEUED"), Filters.lt("sequence", 500L)),
                                Filters.and(Filters.eq("status", "SENDING"), Filters.gt("sequence", 2500L)))),
                Map.entry(
                        "$or with a branch no index narrows",
                        Filters.or(Filters.eq("status", "QUEUED"), Filters.gt("sequence", 2990L))),
                Map.entry("a missing value (scans)", Filters.eq("owner", null)),
                Map.entry("no index at all (scans)", Filters.gt("sequence", 2900L)),
                Map.entry("$exists (scans)", Filters.exists("owner", false)));
    }

    private static void assertSameAnswers(MongoCollection<Document> actual, MongoCollection<Document> expected) {
        queries().forEach((name, query) -> {
            assertThat(ids(actual.find(query).sort(Sorts.ascending("sequence"))))
                    .as(name)
                    .isEqualTo(ids(expected.find(query).sort(Sorts.ascending("sequence"))));
            assertThat(actual.countDocuments(query)).as(name + " (count)").isEqualTo(expected.countDocuments(query));
            for (Bson sort : List.of(Sorts.descending("sequence"), Sorts.ascending("sequence"))) {
                assertThat(ids(actual.find(query).sort(sort).limit(7)))
                        .as(name + " (sorted, limited)")
                        .isEqualTo(ids(expected.find(query).sort(sort).limit(7)));
            }
        });
    }

    private static List<String> ids(Iterable<Document> documents) {
        List<String> ids = new ArrayList<>();
        documents.forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }

    @Test
    void answersLikeThePlainBackendThroughWritesAndARestart() {
        Server indexed = start(true, "indexed.mv");
        Server plain = start(false, "plain.mv");
        indexed.collection().insertMany(documents());
        plain.collection().insertMany(documents());
        assertSameAnswers(indexed.collection(), plain.collection());

        for (Server server : List.of(indexed, plain)) {
            server.collection().updateMany(Filters.eq("status", "QUEUED"), Updates.set("status", "SENT"));
            server.collection().updateMany(Filters.in("_id", "d5", "d6", "d7"), Updates.set("status", "QUEUED"));
            server.collection().updateOne(Filters.eq("_id", "d8"), Updates.unset("owner"));
            server.collection().updateOne(Filters.eq("_id", "d9"), Updates.set("tags", List.of("t5")));
            server.collection().deleteMany(Filters.eq("owner", "rep7")); // d7 among them
            server.collection()
                    .updateOne(
                            Filters.and(Filters.eq("_id", "new"), Filters.eq("status", "QUEUED")),
                            Updates.set("sequence", 5000L),
                            new com.mongodb.client.model.UpdateOptions().upsert(true));
        }
        assertSameAnswers(indexed.collection(), plain.collection());
        assertThat(ids(indexed.collection().find(Filters.eq("status", "QUEUED"))))
                .containsExactlyInAnyOrder("d5", "d6", "new");

        indexed.server().shutdown();
        indexed.store().close();
        Server reopened = start(true, "indexed.mv");
        assertSameAnswers(reopened.collection(), plain.collection());
    }

    private static Document everyType(String id) {
        return new Document("_id", id)
                .append("text", "Léa")
                .append("int", 42)
                .append("long", 5_000_000_000L)
                .append("double", 0.25)
                .append("flag", true)
                .append("nothing", null)
                .append("date", java.util.Date.from(java.time.Instant.parse("2026-11-28T10:00:00Z")))
                .append("objectId", new org.bson.types.ObjectId("5f1d7f1b2c3a4b5c6d7e8f90"))
                .append("decimal", org.bson.types.Decimal128.parse("1234.5678"))
                .append("nested", new Document("list", List.of(1, "two", new Document("three", 3L))))
                .append("status", "SENT")
                .append("sequence", 1L)
                .append("slot", id)
                .append("version", 0);
    }

    @Test
    void readsAFileThePlainBackendWroteAndKeepsEveryType() {
        Server plain = start(false, "shared.mv");
        plain.collection().insertMany(List.of(everyType("written-before"), everyType("changed-after")));
        plain.server().shutdown();
        plain.store().close();

        Server indexed = start(true, "shared.mv");
        assertThat(indexed.collection()
                        .find(Filters.eq("_id", "written-before"))
                        .first())
                .isEqualTo(everyType("written-before"));
        indexed.collection().updateOne(Filters.eq("_id", "changed-after"), Updates.set("status", "QUEUED"));
        indexed.collection().insertOne(everyType("written-after"));
        assertThat(ids(indexed.collection().find(Filters.eq("status", "QUEUED"))))
                .containsExactly("changed-after");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> indexed.collection().insertOne(everyType("written-before")))
                .isInstanceOf(com.mongodb.MongoWriteException.class)
                .hasMessageContaining("duplicate key");
        indexed.server().shutdown();
        indexed.store().close();

        Server reopened = start(true, "shared.mv");
        assertThat(reopened.collection()
                        .find(Filters.eq("_id", "written-after"))
                        .first())
                .isEqualTo(everyType("written-after"));
        assertThat(reopened.collection()
                        .find(Filters.eq("_id", "changed-after"))
                        .first())
                .isEqualTo(everyType("changed-after").append("status", "QUEUED"));
        assertThat(reopened.collection().countDocuments()).isEqualTo(3);
    }

    @Test
    void readsOnlyWhatAnIndexPointsAt() {
        Server indexed = start(true, "indexed.mv");
        indexed.collection().insertMany(documents());
        IndexedH2Collection collection =
                (IndexedH2Collection) indexed.indexed().resolveDatabase("db").resolveCollection("items", true);

        assertThat(collection.plan(query(Filters.eq("status", "QUEUED")))).hasSize(DOCUMENTS / 100);
        assertThat(collection.plan(query(Filters.and(Filters.eq("status", "QUEUED"), Filters.ne("owner", "x")))))
                .hasSize(DOCUMENTS / 100);
        assertThat(collection.plan(query(Filters.and(Filters.eq("_id", "d42"), Filters.nin("tags", List.of("t1"))))))
                .hasSize(1);
        assertThat(collection.plan(query(Filters.and(Filters.eq("slot", "s7"), Filters.eq("version", 3)))))
                .hasSize(1);
        assertThat(collection.plan(query(Filters.or(Filters.eq("status", "QUEUED"), Filters.eq("status", "SENDING")))))
                .hasSize(2 * DOCUMENTS / 100);
        assertThat(collection.plan(query(Filters.and(
                        Filters.eq("status", "SENT"), Filters.gte("sequence", 1000L), Filters.lt("sequence", 1100L)))))
                .hasSize(98);
        assertThat(collection.plan(query(Filters.and(Filters.eq("owner", "rep5"), Filters.gte("sequence", 2000L)))))
                .hasSize(17);
        assertThat(collection.plan(query(Filters.gt("sequence", 5L)))).isNull();
        assertThat(collection.plan(query(Filters.eq("owner", null)))).isNull();
    }

    private static de.bwaldvogel.mongo.bson.Document query(Bson filter) {
        Document rendered = Document.parse(filter.toBsonDocument().toJson());
        return convert(rendered);
    }

    @SuppressWarnings("unchecked")
    private static de.bwaldvogel.mongo.bson.Document convert(Document document) {
        de.bwaldvogel.mongo.bson.Document converted = new de.bwaldvogel.mongo.bson.Document();
        document.forEach((key, value) -> converted.put(key, convertValue(value)));
        return converted;
    }

    private static Object convertValue(Object value) {
        if (value instanceof Document nested) {
            return convert(nested);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(IndexedH2BackendTest::convertValue).toList();
        }
        return value;
    }
}

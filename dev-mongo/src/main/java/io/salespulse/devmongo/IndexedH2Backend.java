package io.salespulse.devmongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, with the non-unique indexes the services create honoured ({@link SecondaryIndex})
 * and queries planned over every index ({@link IndexedH2Collection}): so a query costs what it matches, as on
 * MongoDB, instead of a scan of everything stored. Documents are stored as BSON ({@link BsonDocumentType}), where the
 * H2 backend stores them with Java serialisation; unique indexes
 * are ordered as MongoDB orders values ({@link KeyValueType}), where the H2 backend compares keys by serialising them,
 * and rebuilt from the documents the first time a file the plain backend wrote is opened. Secondary indexes live in
 * memory and are rebuilt when the file is opened.
 */
public final class IndexedH2Backend extends H2Backend {

    public IndexedH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return IndexedH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }

    private static final class IndexedH2Database extends H2Database {

        // H2Database opens its collections from its constructor, before this class's fields are set.
        private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

        private static final String ORDERED = "#ordered";

        private final MVStore store;

        static IndexedH2Database open(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
            OPENING.set(store);
            try {
                return new IndexedH2Database(databaseName, store, cursorRegistry);
            } finally {
                OPENING.remove();
            }
        }

        private IndexedH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
            super(databaseName, store, cursorRegistry);
            this.store = store;
        }

        private MVStore store() {
            return store != null ? store : OPENING.get();
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            // The map names H2Database uses, so files stay readable by either backend.
            String fullName = getFullCollectionNamespace(collectionName);
            return new IndexedH2Collection(
                    this,
                    collectionName,
                    options,
                    store().openMap(
                                    "databases." + fullName,
                                    new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType())),
                    store().openMap("meta." + fullName),
                    cursorRegistry);
        }

        /**
         * Unique indexes on maps ordered by {@link KeyValueType}. The H2 backend's map of the same index, if the file
         * has one, is removed: this one is empty the first time, and the collection then builds it from the documents.
         */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            String plain = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            if (store().hasMap(plain)) {
                store().removeMap(plain);
            }
            MVMap<KeyValue, Object> map =
                    store().openMap(plain + ORDERED, new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType()));
            return new OrderedUniqueIndex(map, indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            String ordered =
                    getFullCollectionNamespace(collection.getCollectionName()) + "._index_" + indexName + ORDERED;
            if (store().hasMap(ordered)) {
                store().removeMap(ordered);
            }
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            return new SecondaryIndex<>(indexName, keys, sparse, document -> document.get("_id"));
        }
    }
}

package io.salespulse.devmongo;

import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * The MongoDB wire-protocol server SalesPulse runs on without MongoDB: the local run and the benchmark on a file,
 * every integration test in memory. One backend for all, so every test exercises the store the local run uses.
 */
public final class DevMongo {

    private DevMongo() {}

    /** A server keeping its data in this file (created if absent), not yet bound. */
    public static MongoServer onFile(Path file) {
        return new MongoServer(new IndexedH2Backend(
                new MVStore.Builder().fileName(file.toAbsolutePath().toString()).open()));
    }

    /** A server keeping its data in memory, not yet bound. */
    public static MongoServer inMemory() {
        return new MongoServer(new IndexedH2Backend(new MVStore.Builder().open()));
    }
}

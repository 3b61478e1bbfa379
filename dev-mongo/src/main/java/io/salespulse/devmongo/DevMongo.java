package io.salespulse.devmongo;

import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * The MongoDB wire-protocol server SalesPulse runs on without MongoDB: the local run and the benchmark on a file,
 * every integration test in memory. One backend for all, so every test exercises the store the local run uses.
 */
public final class DevMongo {

    static {
        // Netty checks a buffer's reference count and bounds at every byte it writes; the server's BSON encoder
        // writes byte by byte, and the benchmark's profiles found a fifth of the server's time in those checks. The
        // server's buffers never leave it, so the checks are off (unless set otherwise before the first server).
        System.setProperty(
                "io.netty.buffer.checkAccessible", System.getProperty("io.netty.buffer.checkAccessible", "false"));
        System.setProperty("io.netty.buffer.checkBounds", System.getProperty("io.netty.buffer.checkBounds", "false"));
    }

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

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

    /**
     * How full the file's chunks are kept, in percent. H2's default (90) has its background writer rewrite every chunk
     * less than 90% full as soon as the store is idle: after the benchmark's 500,000 events that rewriting was 71% of
     * the idle process's samples, for minutes with no traffic. At 50 the file may hold twice its live data, and the
     * store does not rewrite it while nothing comes.
     */
    static final int AUTO_COMPACT_FILL_RATE = 50;

    /** A server keeping its data in this file (created if absent), not yet bound. */
    public static MongoServer onFile(Path file) {
        return new MongoServer(new IndexedH2Backend(new MVStore.Builder()
                .fileName(file.toAbsolutePath().toString())
                .autoCompactFillRate(AUTO_COMPACT_FILL_RATE)
                .open()));
    }

    /** A server keeping its data in memory, not yet bound. */
    public static MongoServer inMemory() {
        return new MongoServer(new IndexedH2Backend(new MVStore.Builder().open()));
    }
}

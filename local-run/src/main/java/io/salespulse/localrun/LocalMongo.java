package io.salespulse.localrun;

import de.bwaldvogel.mongo.MongoServer;
import io.salespulse.devmongo.DevMongo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server (mongo-java-server) on an H2 MVStore file: data kept across restarts, and across a
 * kill -9. Each service uses its own database on it.
 */
final class LocalMongo implements AutoCloseable {

    private final MongoServer server;
    private final int port;

    private LocalMongo(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static LocalMongo start(Path dataDir, int port) throws IOException {
        Files.createDirectories(dataDir);
        MongoServer server = DevMongo.onFile(dataDir.resolve("mongo.mv"));
        server.bind("127.0.0.1", port);
        return new LocalMongo(server, port);
    }

    String uri(String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}

package io.salespulse.notification;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local stand-in for a Slack incoming webhook at {@code /slack}: answers 200 and records each body. */
final class SlackRecorder implements AutoCloseable {

    private final HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    private SlackRecorder(HttpServer server) {
        this.server = server;
    }

    static SlackRecorder start() {
        try {
            SlackRecorder recorder = new SlackRecorder(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
            recorder.server.createContext("/slack", exchange -> {
                recorder.bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            recorder.server.start();
            return recorder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** What it received, in order. */
    List<String> bodies() {
        return bodies;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

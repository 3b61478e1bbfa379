package io.salespulse.localrun.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for the managers' Slack: the demo managers' Slack webhook points here ({@code /slack/<managerId>}); each
 * message is written to a log file a person can read, and told on the console in one line.
 */
public final class NotificationSink implements AutoCloseable {

    /** One message received. */
    public record Received(Instant at, String managerId, String text, String body) {}

    private static final Pattern TEXT = Pattern.compile("\"text\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final HttpServer server;
    private final Path log;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private NotificationSink(HttpServer server, Path log) {
        this.server = server;
        this.log = log;
    }

    /** A sink on {@code port}, each message dated by {@code clock} (the system's: the day the demo plays). */
    public static NotificationSink start(int port, Path log, PrintStream console, Clock clock) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        NotificationSink sink = new NotificationSink(server, log);
        Files.createDirectories(log.getParent());
        server.createContext("/slack/", exchange -> {
            String manager = exchange.getRequestURI().getPath().substring("/slack/".length());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher text = TEXT.matcher(body);
            String title = text.find() ? text.group(1).replace("\\\"", "\"") : body;
            Received message = new Received(clock.instant(), manager, title, body);
            Map<String, String> links = links(body);
            sink.received.add(message);
            sink.write(message, links);
            String open = links.values().stream().findFirst().orElse(null);
            console.println("  [notification] to " + manager + ": " + title + (open == null ? "" : " (" + open + ")"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return sink;
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The message's buttons, their words to their URLs (none when the body is not JSON). */
    static Map<String, String> links(String body) {
        Map<String, String> links = new LinkedHashMap<>();
        try {
            collect(JSON.readTree(body), links);
        } catch (JacksonException e) {
            // Not JSON: no buttons to tell.
        }
        return links;
    }

    private static void collect(JsonNode node, Map<String, String> links) {
        if (node.isObject() && node.hasNonNull("url") && node.path("text").hasNonNull("text")) {
            links.put(node.path("text").path("text").asString(), node.get("url").asString());
        }
        node.forEach(child -> collect(child, links));
    }

    private synchronized void write(Received message, Map<String, String> links) {
        StringBuilder lines = new StringBuilder()
                .append(message.at())
                .append("  to ")
                .append(message.managerId())
                .append(": ")
                .append(message.text())
                .append('\n');
        Matcher blocks = TEXT.matcher(message.body());
        blocks.find();
        while (blocks.find()) {
            String line = blocks.group(1).replace("\\n", " ").replace("\\\"", "\"");
            if (!line.equals(message.text())) {
                // A button's words with where it leads: "Open in SalesPulse: http://localhost:8080/teams/...".
                String link = links.get(line);
                lines.append("      ")
                        .append(line)
                        .append(link == null ? "" : ": " + link)
                        .append('\n');
            }
        }
        try {
            Files.writeString(log, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Slack webhook URL of a manager. */
    public String url(String managerId) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/slack/" + managerId;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

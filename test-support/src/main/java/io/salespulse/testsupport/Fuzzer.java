package io.salespulse.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A mutation fuzzer for an HTTP entrance: it starts from valid requests of the entrance (the seeds: the vendors' and
 * our own payload shapes), mutates them (JSON-aware where a seed is JSON: a value replaced by another type, an
 * extreme number, a hostile or huge string, a field dropped or added, a deep or wide nesting; line- and byte-level
 * otherwise and on top: truncation, flipped, inserted and duplicated bytes; and the odd whole bodies), signs each as
 * the entrance requires, sends it, and keeps what should never be: an answer outside {@link #ANSWERS} (a 500, say), or
 * a refused request after which something was stored. Runs for a time budget ({@code -Dfuzz.seconds}, default
 * {@code defaultSeconds}) from a seed (fixed for the build, {@code -Dfuzz.seed=<n>} to replay a finding,
 * {@code -Dfuzz.seed=random} to explore); each finding's body is written under {@code target/fuzz/}.
 */
public final class Fuzzer {

    /** What an entrance may answer. */
    public static final Set<Integer> ANSWERS = Set.of(200, 201, 202, 204, 400, 401, 403, 404, 409, 412, 413, 415, 429);

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> HOSTILE = List.of(
            "",
            " ",
            "\u0000",
            "\t\n",
            "null",
            "true",
            "-1",
            "0",
            "1e309",
            "NaN",
            "-0.0",
            "99999999999999999999999999999999",
            "2026-02-30",
            "2026-13-01",
            "0000-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59Z",
            "9999-12-31T23:59:59Z",
            "1970-01-01T00:00:00Z",
            "2026-11-24T25:61:00Z",
            "P1000000D",
            "../../etc/passwd",
            "<script>x</script>",
            "${jndi:ldap://x/a}",
            "%s%n%x",
            "' OR 1=1 --",
            "{\"$ne\":null}",
            "$where",
            "a.b.c",
            "💥🚀",
            "\u202Eevil",
            "Ω≈ç√∫",
            "\uD800",
            "x".repeat(300),
            "y".repeat(70_000),
            "EUR",
            "eur",
            "XXX",
            "hubspot-1",
            "salesforce-006",
            "@",
            "=1+1",
            "-1+1");

    /**
     * An entrance to fuzz.
     *
     * @param name        its name, in the report
     * @param method      the HTTP method
     * @param url         the URL for a request (from a counter: entrances keyed by id get fresh ids)
     * @param contentType the content type sent (also fuzzed, now and then)
     * @param seeds       valid request bodies
     * @param headers     the headers a body needs (a signature, a credential), as name, value, name, value...
     * @param stored      what the entrance has stored (a count that a refused request must leave as it is)
     */
    public record Target(
            String name,
            String method,
            Function<Long, String> url,
            String contentType,
            List<String> seeds,
            Function<byte[], List<String>> headers,
            LongSupplier stored) {}

    /** What a run came to: how many requests, the answers by status, and what should never be. */
    public record Report(String name, long seed, int requests, Map<Integer, Integer> answers, List<String> findings) {

        @Override
        public String toString() {
            return "fuzz " + name + " (seed " + seed + "): " + requests + " inputs, answers " + answers + ", findings "
                    + findings.size()
                    + (findings.isEmpty() ? "" : ": " + findings.subList(0, Math.min(5, findings.size())));
        }
    }

    private Fuzzer() {}

    /** Fuzzes the target for its budget and prints the report. */
    public static Report run(Target target, int defaultSeconds) {
        long seed = seed();
        Duration budget = Duration.ofSeconds(Long.getLong("fuzz.seconds", defaultSeconds));
        SplittableRandom random = new SplittableRandom(seed ^ target.name().hashCode());
        Map<Integer, Integer> answers = new TreeMap<>();
        List<String> findings = new ArrayList<>();
        long end = System.nanoTime() + budget.toNanos();
        int requests = 0;
        // The seeds as they are first (they must be taken), then mutants until the budget is spent.
        Iterator<String> seeds = target.seeds().iterator();
        while (seeds.hasNext() || System.nanoTime() < end) {
            byte[] body =
                    seeds.hasNext() ? seeds.next().getBytes(StandardCharsets.UTF_8) : mutant(target.seeds(), random);
            String contentType = random.nextInt(40) == 0 ? oddContentType(random) : target.contentType();
            long before = target.stored().getAsLong();
            int status = send(target, requests, body, contentType);
            long after = target.stored().getAsLong();
            answers.merge(status, 1, Integer::sum);
            if (!ANSWERS.contains(status)) {
                findings.add(keep(target, requests, body, "answered " + status));
            } else if (status >= 400 && after != before) {
                findings.add(
                        keep(target, requests, body, "refused with " + status + " yet stored " + (after - before)));
            }
            requests++;
        }
        Report report = new Report(target.name(), seed, requests, answers, findings);
        System.out.println(report);
        return report;
    }

    /**
     * Fuzzes a reader rather than an entrance (a file a command reads): each seed, then mutants for the budget, go to
     * {@code read}; whatever it throws is a finding.
     */
    public static Report runReader(
            String name, List<String> seeds, int defaultSeconds, java.util.function.Consumer<byte[]> read) {
        long seed = seed();
        Duration budget = Duration.ofSeconds(Long.getLong("fuzz.seconds", defaultSeconds));
        SplittableRandom random = new SplittableRandom(seed ^ name.hashCode());
        List<String> findings = new ArrayList<>();
        long end = System.nanoTime() + budget.toNanos();
        int n = 0;
        Iterator<String> seeds0 = seeds.iterator();
        while (seeds0.hasNext() || System.nanoTime() < end) {
            byte[] input = seeds0.hasNext() ? seeds0.next().getBytes(StandardCharsets.UTF_8) : mutant(seeds, random);
            try {
                read.accept(input);
            } catch (RuntimeException | AssertionError e) {
                findings.add(keep(
                        new Target(name, "READ", x -> "", null, seeds, x -> List.of(), () -> 0),
                        n,
                        input,
                        e.toString()));
            }
            n++;
        }
        Report report = new Report(name, seed, n, Map.of(), findings);
        System.out.println(report);
        return report;
    }

    /**
     * The run's seed: fixed unless {@code -Dfuzz.seed} says otherwise, so that the build explores the same inputs each
     * time (a finding is a regression, not a dice roll); {@code -Dfuzz.seed=random} for a new exploration.
     */
    static long seed() {
        String given = System.getProperty("fuzz.seed");
        if ("random".equals(given)) {
            return System.nanoTime();
        }
        return given == null || given.isBlank() ? 20_261_206L : Long.parseLong(given.strip());
    }

    private static int send(Target target, long n, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(target.url().apply(n)))
                .timeout(Duration.ofSeconds(30))
                .method(target.method(), HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        List<String> headers = target.headers().apply(body);
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException("the entrance " + target.name() + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String keep(Target target, int n, byte[] body, String what) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "fuzz"));
            Path file = dir.resolve(target.name().replaceAll("[^A-Za-z0-9-]", "_") + "-" + n + ".bin");
            Files.write(file, body);
            return what + " (" + file + ")";
        } catch (IOException e) {
            return what;
        }
    }

    private static String oddContentType(SplittableRandom random) {
        return pick(
                List.of(
                        "text/plain",
                        "application/xml",
                        "application/json; charset=latin1",
                        "multipart/form-data",
                        "application/cloudevents-batch+json",
                        "application/cloudevents+json",
                        "*/*",
                        "application/x-www-form-urlencoded"),
                random);
    }

    /** A mutant of one of the seeds: one to three mutations, JSON-aware when the seed is JSON. */
    static byte[] mutant(List<String> seeds, SplittableRandom random) {
        if (random.nextInt(50) == 0) {
            return whole(random);
        }
        String seed = pick(seeds, random);
        JsonNode tree = null;
        try {
            tree = JSON.readTree(seed);
        } catch (RuntimeException notJson) {
            // text: lines and bytes
        }
        byte[] body;
        if (tree != null && (tree.isObject() || tree.isArray()) && random.nextInt(5) != 0) {
            int mutations = 1 + random.nextInt(3);
            for (int i = 0; i < mutations; i++) {
                tree = mutateJson(tree, random);
            }
            body = JSON.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8);
        } else {
            body = random.nextBoolean()
                    ? mutateLines(seed, random).getBytes(StandardCharsets.UTF_8)
                    : seed.getBytes(StandardCharsets.UTF_8);
        }
        return random.nextInt(4) == 0 ? mutateBytes(body, random) : body;
    }

    private static byte[] whole(SplittableRandom random) {
        return switch (random.nextInt(7)) {
            case 0 -> new byte[0];
            case 1 -> "null".getBytes(StandardCharsets.UTF_8);
            case 2 -> "[]".getBytes(StandardCharsets.UTF_8);
            case 3 -> "{}".getBytes(StandardCharsets.UTF_8);
            case 4 -> ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8);
            case 5 -> ("{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000)).getBytes(StandardCharsets.UTF_8);
            default -> {
                byte[] noise = new byte[1 + random.nextInt(2_000)];
                for (int i = 0; i < noise.length; i++) {
                    noise[i] = (byte) random.nextInt(256);
                }
                yield noise;
            }
        };
    }

    /** One JSON-aware mutation somewhere in the tree (the tree is changed in place where it can be). */
    private static JsonNode mutateJson(JsonNode root, SplittableRandom random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        if (containers.isEmpty()) {
            return NODES.arrayNode().add(root);
        }
        JsonNode container = pick(containers, random);
        if (container instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.propertyNames());
            switch (random.nextInt(6)) {
                case 0 -> {
                    if (!names.isEmpty()) {
                        object.remove(pick(names, random));
                    }
                }
                case 1 ->
                    object.set(
                            pick(List.of("extra", "__proto__", "$set", "id", "type", "data"), random), value(random));
                default -> {
                    if (!names.isEmpty()) {
                        object.set(pick(names, random), value(random));
                    }
                }
            }
        } else if (container instanceof ArrayNode array) {
            switch (random.nextInt(5)) {
                case 0 -> array.removeAll();
                case 1 -> {
                    if (!array.isEmpty()) {
                        JsonNode first = array.get(0);
                        int copies = random.nextInt(3) == 0 ? 2_000 : 1 + random.nextInt(5);
                        for (int i = 0; i < copies; i++) {
                            array.add(first.deepCopy());
                        }
                    }
                }
                case 2 -> array.add(value(random));
                default -> {
                    if (!array.isEmpty()) {
                        array.set(random.nextInt(array.size()), value(random));
                    }
                }
            }
        }
        return random.nextInt(40) == 0
                ? (root.isArray()
                        ? root.get(0) == null ? NODES.objectNode() : root.get(0)
                        : NODES.arrayNode().add(root))
                : root;
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isObject() || node.isArray()) {
            containers.add(node);
            for (JsonNode child : node) {
                collect(child, containers);
            }
        }
    }

    /** A value of any type: a hostile string, an extreme number, a boolean, null, an empty or nested container. */
    private static JsonNode value(SplittableRandom random) {
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> NODES.stringNode(pick(HOSTILE, random));
            case 3 ->
                NODES.numberNode(pick(List.of(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 4_102_444_800_000L), random));
            case 4 ->
                NODES.numberNode(new java.math.BigDecimal(pick(
                        List.of(
                                "1e400",
                                "-1e400",
                                "0.0000000000000000000001",
                                "123456789012345678901234567890.5",
                                "-0.0",
                                "1.5",
                                "100000000000000000000"),
                        random)));
            case 5 ->
                NODES.numberNode(pick(List.of(Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, 0.5), random));
            case 6 -> NODES.booleanNode(random.nextBoolean());
            case 7 -> NODES.nullNode();
            case 8 -> random.nextBoolean() ? NODES.arrayNode() : NODES.objectNode();
            default -> {
                ArrayNode deep = NODES.arrayNode();
                ArrayNode at = deep;
                for (int i = 0; i < 1 + random.nextInt(200); i++) {
                    at = at.addArray();
                }
                yield deep;
            }
        };
    }

    private static String mutateLines(String text, SplittableRandom random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int i = random.nextInt(lines.size());
        switch (random.nextInt(6)) {
            case 0 -> lines.remove(i);
            case 1 -> lines.add(i, lines.get(i));
            case 2 -> lines.set(i, pick(HOSTILE, random));
            case 3 -> {
                // A field of a delimited line (CSV) or of an XML element replaced.
                String line = lines.get(i);
                String[] fields = line.split("[,;>]", -1);
                if (fields.length > 1) {
                    String field = fields[random.nextInt(fields.length)];
                    lines.set(
                            i,
                            field.isEmpty()
                                    ? line
                                    : line.replace(field, pick(HOSTILE, random).replace("\n", "")));
                }
            }
            case 4 ->
                lines.set(i, lines.get(i) + pick(List.of(",", ";", "\"", "<", "]]>", "&amp;", "&#0;", "\r"), random));
            default -> {
                for (int n = 0; n < 1 + random.nextInt(3_000); n++) {
                    lines.add(lines.get(lines.size() - 1));
                }
            }
        }
        return String.join("\n", lines);
    }

    private static byte[] mutateBytes(byte[] body, SplittableRandom random) {
        if (body.length == 0) {
            return body;
        }
        int at = random.nextInt(body.length);
        return switch (random.nextInt(4)) {
            case 0 -> java.util.Arrays.copyOf(body, at);
            case 1 -> {
                byte[] flipped = body.clone();
                flipped[at] = (byte) random.nextInt(256);
                yield flipped;
            }
            case 2 -> {
                byte[] inserted = new byte[body.length + 1];
                System.arraycopy(body, 0, inserted, 0, at);
                inserted[at] = (byte) pick(List.of(0x00, 0xff, 0xc3, 0x22, 0x5c, 0x7b), random)
                        .intValue();
                System.arraycopy(body, at, inserted, at + 1, body.length - at);
                yield inserted;
            }
            default -> {
                int length = Math.min(body.length - at, 1 + random.nextInt(64));
                byte[] doubled = new byte[body.length + length];
                System.arraycopy(body, 0, doubled, 0, at + length);
                System.arraycopy(body, at, doubled, at + length, body.length - at);
                yield doubled;
            }
        };
    }

    private static <T> T pick(List<T> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }
}

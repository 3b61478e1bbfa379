package io.salespulse.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What the production manifests enforce, read from what {@code kubectl kustomize} renders: Kafka speaks TLS with
 * SCRAM only, each service is its own Kafka user whose ACLs are exactly what its code consumes and produces (the
 * topics it reads are found in its listeners, so a new listener without its ACL fails here), every pod is denied by
 * default, and the only ways out to the internet are https (the identity provider) and notification-service's
 * deliveries, never to the cluster's, private or cloud-metadata ranges.
 */
class KubernetesPolicyTest {

    static final Path ROOT = DeployChecksTest.ROOT;
    static final List<String> SERVICES =
            List.of("activity-service", "kpi-service", "coaching-service", "notification-service");
    /** What each service publishes (its outbox or its publisher), beyond the dead letters of what it reads. */
    static final Map<String, Set<String>> PRODUCES = Map.of(
            "activity-service",
                    Set.of(
                            "salespulse.activities",
                            "salespulse.deals",
                            "salespulse.objectives",
                            "salespulse.org",
                            "salespulse.accounts"),
            "kpi-service", Set.of("salespulse.kpis"),
            "coaching-service", Set.of("salespulse.signals"),
            "notification-service", Set.of());

    static final List<String> INTERNAL = List.of(
            "0.0.0.0/8",
            "10.0.0.0/8",
            "100.64.0.0/10",
            "127.0.0.0/8",
            "169.254.0.0/16",
            "172.16.0.0/12",
            "192.168.0.0/16");

    static List<Map<String, Object>> rendered;
    static Map<String, String> topics;

    @BeforeAll
    static void render() throws Exception {
        DeployChecksTest.requireTool("kubectl");
        String production = DeployChecksTest.run(ROOT, "kubectl", "kustomize", "deploy/k8s/overlays/production");
        rendered = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(production)) {
            if (doc != null) {
                rendered.add(map(doc));
            }
        }
        topics = topicConstants();
    }

    @Test
    void kafkaSpeaksTlsWithScramOnlyAndEveryTopicIsDeclared() {
        Map<String, Object> kafka = only("Kafka");
        List<Object> listeners = list(get(kafka, "spec", "kafka", "listeners"));
        assertThat(listeners).isNotEmpty().allSatisfy(listener -> {
            assertThat(get(map(listener), "tls")).isEqualTo(true);
            assertThat(get(map(listener), "authentication", "type")).isEqualTo("scram-sha-512");
        });
        assertThat(get(kafka, "spec", "kafka", "authorization", "type")).isEqualTo("simple");
        assertThat(get(kafka, "spec", "kafka", "config", "auto.create.topics.enable"))
                .isEqualTo(false);
        Set<String> declared = new TreeSet<>();
        of("KafkaTopic").forEach(topic -> declared.add((String) get(topic, "spec", "topicName")));
        Set<String> expected = new TreeSet<>();
        topics.values().forEach(topic -> {
            expected.add(topic);
            expected.add(topic + ".DLT");
        });
        assertThat(declared).isEqualTo(expected);

        Map<String, Object> config = map(get(only("ConfigMap"), "data"));
        assertThat(config)
                .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512");
        assertThat((String) config.get("KAFKA_BOOTSTRAP_SERVERS")).endsWith(":9093");
    }

    @Test
    void eachServiceIsItsOwnKafkaUserAllowedExactlyWhatItsCodeDoes() throws IOException {
        assertThat(of("KafkaUser"))
                .extracting(user -> get(user, "metadata", "name"))
                .containsExactlyInAnyOrderElementsOf(SERVICES.stream()
                        .map(service -> "salespulse-" + service)
                        .toList());
        for (String service : SERVICES) {
            Map<String, Object> user = named("KafkaUser", "salespulse-" + service);
            assertThat(get(user, "spec", "authentication", "type")).isEqualTo("scram-sha-512");
            Map<String, Set<String>> allowed = new LinkedHashMap<>();
            for (Object acl : list(get(user, "spec", "authorization", "acls"))) {
                Map<String, Object> resource = map(get(map(acl), "resource"));
                List<Object> operations = list(get(map(acl), "operations"));
                assertThat(operations).as(service).doesNotContain("All", "Alter", "Delete", "Create");
                assertThat(resource.get("name")).as(service).isNotEqualTo("*");
                String key = resource.get("type") + ":" + resource.get("name")
                        + ("prefix".equals(resource.get("patternType")) ? "*" : "");
                operations.forEach(operation -> allowed.computeIfAbsent((String) operation, o -> new TreeSet<>())
                        .add(key));
            }
            Set<String> reads = consumedBy(service);
            Set<String> expectedReads = new TreeSet<>();
            reads.forEach(topic -> expectedReads.add("topic:" + topic));
            if (!reads.isEmpty()) {
                expectedReads.add("group:" + service);
            }
            assertThat(allowed.getOrDefault("Read", Set.of()))
                    .as(service + " reads what its listeners consume")
                    .isEqualTo(expectedReads);
            Set<String> expectedWrites = new TreeSet<>();
            PRODUCES.get(service).forEach(topic -> expectedWrites.add("topic:" + topic));
            reads.forEach(topic -> expectedWrites.add("topic:" + topic + ".DLT"));
            assertThat(allowed.getOrDefault("Write", Set.of()))
                    .as(service + " writes what it produces and its dead letters")
                    .isEqualTo(expectedWrites);
        }
        // Each service's Deployment speaks as its own user, never another's.
        for (String service : SERVICES) {
            Map<String, String> secrets = new LinkedHashMap<>();
            for (Object env : list(get(container(service), "env"))) {
                Object ref = get(map(env), "valueFrom", "secretKeyRef", "name");
                if (ref != null) {
                    secrets.put((String) get(map(env), "name"), (String) ref);
                }
            }
            assertThat(secrets)
                    .as(service)
                    .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "salespulse-" + service)
                    .containsEntry("SPRING_KAFKA_SSL_TRUSTSTORECERTIFICATES", "salespulse-cluster-ca-cert");
        }
    }

    @Test
    void everyPodIsDeniedByDefaultAndOnlyHttpsAndTheDeliveriesLeaveTheCluster() {
        List<Map<String, Object>> policies = of("NetworkPolicy");
        Map<String, Object> deny = named("NetworkPolicy", "salespulse-default-deny");
        assertThat(get(deny, "spec", "podSelector", "matchLabels"))
                .isEqualTo(Map.of("app.kubernetes.io/part-of", "salespulse"));
        assertThat(list(get(deny, "spec", "policyTypes"))).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(get(deny, "spec", "ingress")).isNull();
        assertThat(get(deny, "spec", "egress")).isNull();

        for (String app : Stream.concat(SERVICES.stream(), Stream.of("cockpit")).toList()) {
            // Reachable on its API port by someone (else the cockpit or the CRMs could not call it).
            assertThat(policies.stream()
                            .filter(policy -> selects(policy, app))
                            .flatMap(policy -> rules(policy, "ingress").stream())
                            .anyMatch(rule -> ports(rule).contains(8080)))
                    .as(app + " ingress on 8080")
                    .isTrue();
        }
        for (Map<String, Object> policy : policies) {
            for (String direction : List.of("ingress", "egress")) {
                for (Map<String, Object> rule : rules(policy, direction)) {
                    String name = (String) get(policy, "metadata", "name");
                    assertThat(rule.get(direction.equals("ingress") ? "from" : "to"))
                            .as(name + ": a rule that allows every peer")
                            .isNotNull();
                    assertThat(ports(rule))
                            .as(name + ": a rule that allows every port")
                            .isNotEmpty();
                    for (Object peer : list(rule.get(direction.equals("ingress") ? "from" : "to"))) {
                        Map<String, Object> block = map(get(map(peer), "ipBlock"));
                        if ("0.0.0.0/0".equals(block.get("cidr"))) {
                            // The internet, never the cluster's, private or metadata ranges; https (and SMTP for
                            // deliveries) only.
                            assertThat(list(block.get("except"))).as(name).containsAll(INTERNAL);
                            assertThat(ports(rule))
                                    .as(name)
                                    .isSubsetOf(
                                            name.equals("salespulse-notification-egress")
                                                    ? Set.of(443, 465, 587)
                                                    : Set.of(443));
                        }
                    }
                }
            }
        }
        // notification-service may deliver to the internet; no other service may reach SMTP or plain ports outside.
        assertThat(policies.stream()
                        .filter(policy -> selects(policy, "notification-service"))
                        .flatMap(policy -> rules(policy, "egress").stream())
                        .anyMatch(rule -> ports(rule).contains(587)))
                .isTrue();
        for (String app : List.of("activity-service", "kpi-service", "coaching-service", "cockpit")) {
            assertThat(policies.stream()
                            .filter(policy -> selects(policy, app))
                            .flatMap(policy -> rules(policy, "egress").stream())
                            .flatMap(rule -> ports(rule).stream()))
                    .as(app)
                    .doesNotContain(465, 587, 80);
        }
    }

    /** The topics a service's code consumes: its listeners' topics, and the org topic where it keeps a roster copy. */
    static Set<String> consumedBy(String service) throws IOException {
        Set<String> consumed = new TreeSet<>();
        Pattern listener = Pattern.compile("@KafkaListener\\([^)]*topics\\s*=\\s*Topics\\.([A-Z_]+)");
        try (Stream<Path> files = Files.walk(ROOT.resolve(service).resolve("src/main/java"))) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher matcher = listener.matcher(source);
                while (matcher.find()) {
                    consumed.add(topics.get(matcher.group(1)));
                }
                if (source.contains("@EnableRosterProjection") || source.contains("@EnableWorkingCalendar")) {
                    consumed.add(topics.get("ORG"));
                }
            }
        }
        return consumed;
    }

    /** The topic names of event-contracts' {@code Topics}, by constant. */
    static Map<String, String> topicConstants() throws IOException {
        Map<String, String> names = new LinkedHashMap<>();
        Matcher matcher = Pattern.compile("public static final String ([A-Z_]+) = \"([a-z.]+)\";")
                .matcher(Files.readString(
                        ROOT.resolve("event-contracts/src/main/java/io/salespulse/contracts/Topics.java")));
        while (matcher.find()) {
            names.put(matcher.group(1), matcher.group(2));
        }
        assertThat(names).hasSize(7);
        return names;
    }

    private static boolean selects(Map<String, Object> policy, String app) {
        Map<String, Object> selector = map(get(policy, "spec", "podSelector"));
        Map<String, Object> labels = map(selector.get("matchLabels"));
        if (!labels.isEmpty()) {
            return "salespulse".equals(labels.get("app.kubernetes.io/part-of"))
                    || app.equals(labels.get("app.kubernetes.io/name"));
        }
        return list(selector.get("matchExpressions")).stream()
                .map(KubernetesPolicyTest::map)
                .anyMatch(expression -> "app.kubernetes.io/name".equals(expression.get("key"))
                        && list(expression.get("values")).contains(app));
    }

    private static List<Map<String, Object>> rules(Map<String, Object> policy, String direction) {
        return list(get(policy, "spec", direction)).stream()
                .map(KubernetesPolicyTest::map)
                .toList();
    }

    private static Set<Integer> ports(Map<String, Object> rule) {
        Set<Integer> ports = new TreeSet<>();
        list(rule.get("ports")).forEach(port -> ports.add((Integer) map(port).get("port")));
        return ports;
    }

    private static Map<String, Object> container(String service) {
        return map(list(get(named("Deployment", service), "spec", "template", "spec", "containers"))
                .get(0));
    }

    private static List<Map<String, Object>> of(String kind) {
        return rendered.stream().filter(doc -> kind.equals(doc.get("kind"))).toList();
    }

    private static Map<String, Object> only(String kind) {
        assertThat(of(kind)).hasSize(1);
        return of(kind).get(0);
    }

    private static Map<String, Object> named(String kind, String name) {
        return of(kind).stream()
                .filter(doc -> name.equals(get(doc, "metadata", "name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static Object get(Map<String, Object> doc, String... path) {
        Object at = doc;
        for (String key : path) {
            if (!(at instanceof Map<?, ?> current)) {
                return null;
            }
            at = current.get(key);
        }
        return at;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }
}

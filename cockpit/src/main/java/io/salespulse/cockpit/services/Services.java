package io.salespulse.cockpit.services;

import io.salespulse.cockpit.security.CurrentUser;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The four services' APIs, called with the signed-in user's token: the services decide what the user may see (a
 * manager only its teams), the cockpit shows it. A refusal becomes a page that says so; nothing is cached across users.
 */
@Component
public class Services {

    /** The services the cockpit reads. */
    public enum Service {
        ACTIVITY,
        KPI,
        COACHING,
        NOTIFICATION
    }

    private static final tools.jackson.databind.json.JsonMapper PROBLEMS =
            tools.jackson.databind.json.JsonMapper.builder().build();

    private final Map<Service, RestClient> clients;
    private final CurrentUser user;
    private final java.util.concurrent.Executor calls;

    Services(
            CurrentUser user,
            @Value("${salespulse.cockpit.services.activity}") URI activity,
            @Value("${salespulse.cockpit.services.kpi}") URI kpi,
            @Value("${salespulse.cockpit.services.coaching}") URI coaching,
            @Value("${salespulse.cockpit.services.notification}") URI notification,
            @Value("${salespulse.cockpit.services.timeout:5s}") Duration timeout) {
        this.user = user;
        java.util.concurrent.atomic.AtomicInteger threads = new java.util.concurrent.atomic.AtomicInteger();
        this.calls = new org.springframework.security.concurrent.DelegatingSecurityContextExecutor(
                java.util.concurrent.Executors.newFixedThreadPool(16, task -> {
                    Thread thread = new Thread(task, "service-call-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }));
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        this.clients = Map.of(
                Service.ACTIVITY,
                client(activity, requests),
                Service.KPI,
                client(kpi, requests),
                Service.COACHING,
                client(coaching, requests),
                Service.NOTIFICATION,
                client(notification, requests));
    }

    private static RestClient client(URI base, SimpleClientHttpRequestFactory requests) {
        return RestClient.builder()
                .baseUrl(base.toString())
                .requestFactory(requests)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw new ServiceRefusal(
                            response.getStatusCode().value(), request.getURI().getPath(), problem(response));
                })
                .build();
    }

    /** The problem+json body of a refusal (its {@code errors} name the fields), or null when there is none. */
    private static JsonNode problem(org.springframework.http.client.ClientHttpResponse response) {
        try (var body = response.getBody()) {
            byte[] bytes = body.readNBytes(64 * 1024);
            return bytes.length == 0 ? null : PROBLEMS.readTree(bytes);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Calls made side by side for one page (a board asks four services at once): each runs on a small shared pool with
     * the signed-in user's security context, and {@link Pending#get()} answers as the call itself would, refusal included.
     * Only a request's own thread starts them: a task that started others and waited on them could wait for ever on
     * a pool its kind had filled.
     */
    public <T> Pending<T> async(java.util.function.Supplier<T> call) {
        return new Pending<>(java.util.concurrent.CompletableFuture.supplyAsync(call, calls));
    }

    /** A call under way. */
    public static final class Pending<T> {
        private final java.util.concurrent.CompletableFuture<T> future;

        private Pending(java.util.concurrent.CompletableFuture<T> future) {
            this.future = future;
        }

        /** Its answer, or the exception the call threw. */
        public T get() {
            try {
                return future.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }
    }

    /** GET a JSON body. */
    public JsonNode get(Service service, String path, Object... variables) {
        try {
            return clients.get(service)
                    .get()
                    .uri(path, variables)
                    .headers(h -> h.setBearerAuth(user.get().token()))
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve()
                    .body(JsonNode.class);
        } catch (ResourceAccessException e) {
            throw new ServiceDown(service);
        }
    }

    /** An answer as the record the cockpit reads it as ({@link ReadFrom}); none stays none. */
    public static <T> T as(JsonNode answer, Class<T> type) {
        return answer == null || answer.isNull()
                ? null
                : io.salespulse.contracts.EventCodec.mapper().treeToValue(answer, type);
    }

    /** GET a JSON body as the record the cockpit reads it as ({@link ReadFrom}). */
    public <T> T read(Service service, Class<T> type, String path, Object... variables) {
        return as(get(service, path, variables), type);
    }

    /** GET a JSON array as the records the cockpit reads them as ({@link ReadFrom}). */
    public <T> List<T> readList(Service service, Class<T> type, String path, Object... variables) {
        List<T> items = new java.util.ArrayList<>();
        get(service, path, variables).forEach(item -> items.add(as(item, type)));
        return items;
    }

    /**
     * One page of a paged list: its items, and the cursor of the next page (the {@code cursor} of the service's
     * {@code Link: <…>; rel="next"}), null on the last page.
     */
    public record Page<T>(List<T> items, String next) {}

    private static final java.util.regex.Pattern NEXT_CURSOR =
            java.util.regex.Pattern.compile("[?&]cursor=([^&>]+)[^>]*>\\s*;\\s*rel=\"next\"");

    /** GET one page of a paged list as the records the cockpit reads them as ({@link ReadFrom}). */
    public <T> Page<T> readPage(Service service, Class<T> type, String path, Object... variables) {
        try {
            org.springframework.http.ResponseEntity<JsonNode> answer = clients.get(service)
                    .get()
                    .uri(path, variables)
                    .headers(h -> h.setBearerAuth(user.get().token()))
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve()
                    .toEntity(JsonNode.class);
            List<T> items = new java.util.ArrayList<>();
            if (answer.getBody() != null) {
                answer.getBody().forEach(item -> items.add(as(item, type)));
            }
            String link = answer.getHeaders().getFirst(org.springframework.http.HttpHeaders.LINK);
            java.util.regex.Matcher next = link == null ? null : NEXT_CURSOR.matcher(link);
            return new Page<>(
                    items,
                    next != null && next.find()
                            ? java.net.URLDecoder.decode(next.group(1), java.nio.charset.StandardCharsets.UTF_8)
                            : null);
        } catch (ResourceAccessException e) {
            throw new ServiceDown(service);
        }
    }

    /** GET a record that may not exist: empty when the service answers 404, any other refusal thrown. */
    public <T> java.util.Optional<T> find(Service service, Class<T> type, String path, Object... variables) {
        return find(service, path, variables).map(found -> as(found, type));
    }

    /** GET a JSON body that may not exist: empty when the service answers 404, any other refusal thrown. */
    public java.util.Optional<JsonNode> find(Service service, String path, Object... variables) {
        try {
            return java.util.Optional.of(get(service, path, variables));
        } catch (ServiceRefusal refusal) {
            if (refusal.status() != 404) {
                throw refusal;
            }
            return java.util.Optional.empty();
        }
    }

    /**
     * GET a JSON body without the user's token, with these headers (a wall link's own key): as the record the cockpit
     * reads it as; empty when the service answers 404.
     */
    public <T> java.util.Optional<T> findWithoutSession(
            Service service, Class<T> type, Map<String, String> headers, String path, Object... variables) {
        try {
            return java.util.Optional.ofNullable(as(
                    clients.get(service)
                            .get()
                            .uri(path, variables)
                            .headers(h -> headers.forEach(h::set))
                            .accept(MediaType.APPLICATION_JSON)
                            .retrieve()
                            .body(JsonNode.class),
                    type));
        } catch (ServiceRefusal refusal) {
            if (refusal.status() != 404) {
                throw refusal;
            }
            return java.util.Optional.empty();
        } catch (ResourceAccessException e) {
            throw new ServiceDown(service);
        }
    }

    /**
     * POST a JSON body without the user's token (a pulse link's own key is in the body): the JSON answer, or a
     * {@link ServiceRefusal} with the service's status.
     */
    public JsonNode postWithoutSession(Service service, Object body, String path, Object... variables) {
        try {
            return clients.get(service)
                    .post()
                    .uri(path, variables)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve()
                    .body(JsonNode.class);
        } catch (ResourceAccessException e) {
            throw new ServiceDown(service);
        }
    }

    /** POST a JSON body, read the JSON answer. */
    public JsonNode post(Service service, Object body, String path, Object... variables) {
        return send(
                org.springframework.http.HttpMethod.POST, service, MediaType.APPLICATION_JSON, body, path, variables);
    }

    /** PUT a JSON body, read the JSON answer. */
    public JsonNode put(Service service, Object body, String path, Object... variables) {
        return send(
                org.springframework.http.HttpMethod.PUT, service, MediaType.APPLICATION_JSON, body, path, variables);
    }

    /**
     * PUT a JSON body over the revision the record was read at ({@code If-Match}; none: unconditional). A record that
     * changed meanwhile is a {@link ServiceRefusal} with status 412.
     */
    public JsonNode putIfMatch(Service service, Object body, Long revision, String path, Object... variables) {
        try {
            return clients.get(service)
                    .put()
                    .uri(path, variables)
                    .headers(h -> {
                        h.setBearerAuth(user.get().token());
                        if (revision != null) {
                            h.setIfMatch("\"" + revision + "\"");
                        }
                    })
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve()
                    .body(JsonNode.class);
        } catch (ResourceAccessException e) {
            throw new ServiceDown(service);
        }
    }

    /** POST a CSV file's text, read the JSON answer (an import's report). */
    public JsonNode postCsv(Service service, String csv, String path, Object... variables) {
        return send(
                org.springframework.http.HttpMethod.POST,
                service,
                new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
                csv,
                path,
                variables);
    }

    /** DELETE, no answer expected. */
    public void delete(Service service, String path, Object... variables) {
        try {
            clients.get(service)
                    .delete()
                    .uri(path, variables)
                    .headers(h -> h.setBearerAuth(user.get().token()))
                    .retrieve()
                    .toBodilessEntity();
        } catch (ResourceAccessException e) {
            throw new ServiceDown(service);
        }
    }

    private JsonNode send(
            org.springframework.http.HttpMethod method,
            Service service,
            MediaType type,
            Object body,
            String path,
            Object... variables) {
        try {
            return clients.get(service)
                    .method(method)
                    .uri(path, variables)
                    .headers(h -> h.setBearerAuth(user.get().token()))
                    .contentType(type)
                    .body(body)
                    .retrieve()
                    .body(JsonNode.class);
        } catch (ResourceAccessException e) {
            throw new ServiceDown(service);
        }
    }

    /** A service answered with an error status (400: a field is wrong; 403: not this user's team; 404: no such thing). */
    public static class ServiceRefusal extends RuntimeException {
        private final int status;
        private final transient JsonNode problem;

        public ServiceRefusal(int status, String path) {
            this(status, path, null);
        }

        public ServiceRefusal(int status, String path, JsonNode problem) {
            super("HTTP " + status + " from " + path);
            this.status = status;
            this.problem = problem;
        }

        public int status() {
            return status;
        }

        /** Each refused field and why, as the service said it ({@code errors: [{field, message}]}); empty when none. */
        public Map<String, String> fieldErrors() {
            Map<String, String> errors = new java.util.LinkedHashMap<>();
            if (problem != null && problem.has("errors")) {
                problem.get("errors")
                        .forEach(error -> errors.merge(
                                error.path("field").asString(""),
                                error.path("message").asString(""),
                                (a, b) -> a + "; " + b));
            }
            return errors;
        }

        /** The service's own explanation, when it gave one. */
        public String detail() {
            return problem == null ? null : problem.path("detail").asString(null);
        }
    }

    /** A service did not answer. */
    public static class ServiceDown extends RuntimeException {
        ServiceDown(Service service) {
            super(service.name().toLowerCase() + " did not answer");
        }
    }
}

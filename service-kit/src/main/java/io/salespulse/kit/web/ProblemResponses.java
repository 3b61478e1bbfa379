package io.salespulse.kit.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Every refusal an operation can answer, declared in the OpenAPI document as {@code application/problem+json} (the
 * {@code Problem} schema, what {@link ProblemDetailsAdvice} writes), from what the operation is: 400 for one that takes
 * parameters or a body, 401 for every API and webhook, 403 for the API, 404 for one that names a resource in its path,
 * 412 for one that takes {@code If-Match}, 413 and 415 for one that takes a body, 429 for the entrances that are rate
 * limited (ingest, webhooks, the test message), 503 for the ingest entrances (their store or broker away: send again). A refusal an operation declares itself (a 409) is kept, with the
 * problem's schema.
 */
public class ProblemResponses implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    private static final Map<String, String> WORDS = Map.of(
            "400", "The request is refused: `errors` names each bad field",
            "401", "No credentials, or not valid ones",
            "403", "Valid credentials that may not do this (another team's data, a role that may not)",
            "404", "Nothing under this id",
            "409", "In conflict with what is stored",
            "412", "Changed since the revision named in If-Match: read it again",
            "413", "The body is larger than this entrance takes",
            "415", "The body's Content-Type is not one this entrance takes",
            "429", "Too many requests from this source: wait Retry-After seconds",
            "503",
                    "The store, or for activities the event broker, did not take the request in time: nothing"
                            + " unconfirmed was accepted; send it again after Retry-After seconds (what was accepted"
                            + " counts as duplicates then)");

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() != null) {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        }
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths()
                .forEach((path, item) ->
                        item.readOperationsMap().forEach((method, operation) -> declare(path, method, operation)));
    }

    private static void declare(String path, PathItem.HttpMethod method, Operation operation) {
        boolean api = path.startsWith("/api/");
        boolean webhook = path.startsWith("/webhooks/");
        if (!api && !webhook) {
            return;
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean body = operation.getRequestBody() != null;
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        Map<String, Boolean> refusals = new LinkedHashMap<>();
        refusals.put("400", body || !parameters.isEmpty());
        refusals.put("401", true);
        refusals.put("403", api);
        refusals.put("404", path.contains("{"));
        refusals.put("409", responses.containsKey("409"));
        refusals.put("412", parameters.stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName())));
        refusals.put("413", body);
        refusals.put("415", body);
        refusals.put("429", webhook || path.equals("/api/v1/events") || path.endsWith("/test-message"));
        refusals.put("503", webhook || path.equals("/api/v1/events"));
        refusals.forEach((status, applies) -> {
            if (applies) {
                ApiResponse held = responses.get(status);
                ApiResponse response = held == null ? new ApiResponse() : held;
                if (response.getDescription() == null
                        || response.getDescription().isBlank()) {
                    response.setDescription(WORDS.get(status));
                }
                response.setContent(new Content()
                        .addMediaType(
                                PROBLEM_JSON,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
                responses.addApiResponse(status, response);
            }
        });
        operation.setResponses(responses);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        ObjectSchema field = new ObjectSchema();
        field.addProperty("field", new StringSchema().description("the field, e.g. data.repId or If-Match"));
        field.addProperty("message", new StringSchema().description("what is wrong with it"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("An RFC 9457 problem: what went wrong, and for a refused request each bad field");
        problem.addProperty("type", new StringSchema().description("urn:salespulse:problem:<kind>"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema());
        problem.addProperty("errors", new ArraySchema().items((Schema) field));
        return problem;
    }
}

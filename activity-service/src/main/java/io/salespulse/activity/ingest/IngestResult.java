package io.salespulse.activity.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.salespulse.kit.web.FieldProblem;
import java.util.List;

/**
 * The answer to an accepted ingest request.
 *
 * @param accepted   events made durable by this request
 * @param duplicates events that had already been accepted (nothing new produced)
 * @param rejected   in a CRM batch, the events refused one by one, each problem naming its field (absent when none)
 */
public record IngestResult(
        int accepted,
        int duplicates,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldProblem> rejected) {

    public IngestResult(int accepted, int duplicates) {
        this(accepted, duplicates, List.of());
    }

    IngestResult withRejected(List<FieldProblem> problems) {
        return new IngestResult(accepted, duplicates, List.copyOf(problems));
    }
}

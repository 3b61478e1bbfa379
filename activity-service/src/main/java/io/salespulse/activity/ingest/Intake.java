package io.salespulse.activity.ingest;

import io.salespulse.kit.web.FieldProblem;
import java.util.List;

/**
 * What a CRM batch maps to: the events to make durable, and the problems of those refused one by one (the rest of
 * the batch is still taken).
 */
public record Intake(List<Inbound> inbound, List<FieldProblem> rejected) {

    public Intake {
        inbound = List.copyOf(inbound);
        rejected = List.copyOf(rejected);
    }

    /** A request that maps whole or not at all. */
    public static Intake of(List<Inbound> inbound) {
        return new Intake(inbound, List.of());
    }
}

package io.salespulse.activity.ingest;

import io.salespulse.kit.web.FieldProblem;
import java.util.List;

/**
 * What a CRM batch maps to: the events to make durable, and those refused one by one with their problems (the rest
 * of the batch is still taken).
 *
 * @param refused how many events were refused
 * @param rejected the refused events' problems, each naming its field
 */
public record Intake(List<Inbound> inbound, int refused, List<FieldProblem> rejected) {

    public Intake {
        inbound = List.copyOf(inbound);
        rejected = List.copyOf(rejected);
    }

    /** A request that maps whole or not at all. */
    public static Intake of(List<Inbound> inbound) {
        return new Intake(inbound, 0, List.of());
    }
}

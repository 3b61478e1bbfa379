package io.salespulse.activity.ingest;

import io.salespulse.contracts.objective.ObjectiveSet;
import java.util.Optional;

/**
 * Who set each objective, so that an ingest credential changes only the objectives it set itself: a manager's belong
 * to the objectives API, another credential's to that credential.
 */
public interface ObjectiveOwners {

    /** What an objective set through the ingest API is recorded as set by: {@code ingest:<credential>}. */
    static String ingest(String credential) {
        return "ingest:" + credential;
    }

    /**
     * Who set the objective held under this id, or last adjusted it: a manager's id, {@code ingest:<credential>}, or
     * {@code null} when it was set through the ingest API before its setter was recorded; empty when none is held.
     */
    Optional<Optional<String>> setterOf(String objectiveId);

    /**
     * An objective set through the ingest API by a credential, once durable (published to the application's listeners).
     *
     * @param credential the ingest credential that posted it
     * @param objective  the objective
     */
    record Ingested(String credential, ObjectiveSet objective) {}
}

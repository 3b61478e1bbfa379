package io.salespulse.contracts;

import java.util.List;

/**
 * Kafka topic names, in one place. Every record on these topics is a CloudEvent in Kafka binary mode
 * (see {@link CloudEventHeaders}); the record key is the aggregate id given by {@link SalesPulseEvent#partitionKey()}.
 */
public final class Topics {

    /** Calls, emails and meetings, keyed by rep id. Produced by activity-service. */
    public static final String ACTIVITIES = "salespulse.activities";

    /** Deal facts (created, stage changed, amount changed, close date moved, won, lost), keyed by deal id. */
    public static final String DEALS = "salespulse.deals";

    /** Objectives set for a rep or a team, keyed by objective id. */
    public static final String OBJECTIVES = "salespulse.objectives";

    /**
     * Customer accounts: contracts started, renewed, expanded, contracted or churned, renewals opened, health scores,
     * NPS answers; keyed by account id.
     */
    public static final String ACCOUNTS = "salespulse.accounts";

    /** The roster: teams and reps, log-compacted, keyed by {@code team:<id>} or {@code rep:<id>}. */
    public static final String ORG = "salespulse.org";

    /** KPI updates per rep-day and objective progress, keyed by rep id (team id for team objectives). */
    public static final String KPIS = "salespulse.kpis";

    /** Signals raised, updated, acknowledged and resolved, keyed by rep id (team id for team signals). */
    public static final String SIGNALS = "salespulse.signals";

    /** Every topic above. */
    public static final List<String> ALL = List.of(ACTIVITIES, DEALS, OBJECTIVES, ORG, KPIS, SIGNALS, ACCOUNTS);

    /** The dead-letter topic of a topic: records that could not be processed, with the exception in headers. */
    public static String deadLetter(String topic) {
        return topic + ".DLT";
    }

    private Topics() {}
}

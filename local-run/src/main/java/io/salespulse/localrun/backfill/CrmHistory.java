package io.salespulse.localrun.backfill;

import java.io.IOException;

/** A CRM's history read through its API ({@link HubSpotHistory}, {@link PipedriveHistory}), as the lines the backfill sends. */
interface CrmHistory {

    /** The CRM's name, for the report. */
    String crm();

    CsvHistory.Contents read() throws IOException, InterruptedException;

    /** Requests made, and rate-limit waits. */
    int requests();

    int waits();
}

package io.salespulse.backfill;

import java.io.IOException;
import java.util.Map;

/**
 * A CRM's history read through its API ({@link HubSpotHistory}, {@link PipedriveHistory}), as the lines the backfill
 * sends: where the API is, how the CRM's owners and stages map to SalesPulse's, and the client that pages through it
 * within the CRM's rate limits.
 */
abstract class CrmHistory {

    /** The API's base URL, without a trailing slash. */
    protected final String baseUrl;
    /** The CRM's owner id to SalesPulse rep id. */
    protected final Map<String, String> repOfOwner;
    /** The CRM's stage id to canonical stage. */
    protected final Map<String, String> stages;

    protected final CrmApi api;

    CrmHistory(String baseUrl, Map<String, String> repOfOwner, Map<String, String> stages, CrmApi api) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.repOfOwner = Map.copyOf(repOfOwner);
        this.stages = Map.copyOf(stages);
        this.api = api;
    }

    /** The CRM's name, for the report. */
    abstract String crm();

    abstract CsvHistory.Contents read() throws IOException, InterruptedException;

    /** Requests made. */
    final int requests() {
        return api.requests();
    }

    /** Rate-limit waits. */
    final int waits() {
        return api.waits();
    }
}

package io.salespulse.activity.ingest.cloudevents;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A CloudEvent as received, whatever the content mode, its context attributes checked.
 *
 * @param path    where it stood in the request ({@code ""} for a single event, {@code [3]} in a batch)
 * @param id      the producer's id ({@code source} + {@code id} identify it)
 * @param source  the producer
 * @param type    the event type
 * @param time    when it happened
 * @param subject the CloudEvents subject, if any
 * @param data    the data, as JSON
 */
record InboundCloudEvent(
        String path, String id, String source, String type, Instant time, String subject, JsonNode data) {

    /** The path of a data field, for error messages. */
    String dataPath() {
        return path.isEmpty() ? "data" : path + ".data";
    }
}

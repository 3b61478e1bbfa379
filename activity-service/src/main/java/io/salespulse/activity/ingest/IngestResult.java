package io.salespulse.activity.ingest;

/**
 * The answer to an accepted ingest request.
 *
 * @param accepted   events made durable by this request
 * @param duplicates events that had already been accepted (nothing new produced)
 */
public record IngestResult(int accepted, int duplicates) {
}

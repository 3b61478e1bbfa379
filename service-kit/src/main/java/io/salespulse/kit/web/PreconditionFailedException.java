package io.salespulse.kit.web;

/**
 * A write whose {@code If-Match} names a revision the record no longer has (someone changed it meanwhile), or a record
 * that changed between its read and its write: answered {@code 412} with the record's current {@code ETag}, nothing
 * written.
 */
public class PreconditionFailedException extends RuntimeException {

    private final String currentEtag;

    public PreconditionFailedException(String message, String currentEtag) {
        super(message);
        this.currentEtag = currentEtag;
    }

    /** The record's ETag now, or null when it does not exist. */
    public String currentEtag() {
        return currentEtag;
    }
}

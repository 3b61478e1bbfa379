package io.salespulse.kit.web;

/** A request body over the configured limit: answered 413, nothing read further. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(long limitBytes) {
        super("The request body is larger than " + limitBytes + " bytes.");
    }
}

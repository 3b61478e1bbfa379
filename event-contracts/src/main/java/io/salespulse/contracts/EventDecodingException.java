package io.salespulse.contracts;

/** A record that is not a valid SalesPulse event: it belongs on the dead-letter topic, not in a retry loop. */
public class EventDecodingException extends RuntimeException {

    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}

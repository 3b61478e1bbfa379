package io.salespulse.kit.kafka;

/**
 * A record that decodes but that a consumer refuses: its content breaks a rule that no retry can change (a period
 * spanning centuries, say). Like a record that cannot be decoded, it goes to the dead-letter topic at once.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }
}

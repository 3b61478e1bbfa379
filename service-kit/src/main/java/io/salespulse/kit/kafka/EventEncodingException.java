package io.salespulse.kit.kafka;

/** An event that cannot be turned into a Kafka record: no retry will change that. */
public class EventEncodingException extends RuntimeException {

    public EventEncodingException(String message, Throwable cause) {
        super(message, cause);
    }
}

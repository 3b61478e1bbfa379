package io.salespulse.kit.web;

/** Missing or wrong credentials: answered 401. The message never echoes what was sent. */
public class UnauthorizedException extends RuntimeException {

    public UnauthorizedException(String message) {
        super(message);
    }
}

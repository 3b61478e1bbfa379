package io.salespulse.kit.web;

/** Authenticated, but not allowed to see or change this: answered 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}

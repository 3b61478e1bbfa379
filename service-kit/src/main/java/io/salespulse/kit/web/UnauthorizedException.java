package io.salespulse.kit.web;

/** Missing or wrong credentials: answered 401. The message never echoes what was sent. */
public class UnauthorizedException extends RuntimeException {

    private final String scheme;

    public UnauthorizedException(String message) {
        this(message, "Bearer");
    }

    /** @param scheme the authentication scheme to ask for in {@code WWW-Authenticate}, e.g. {@code Basic} */
    public UnauthorizedException(String message, String scheme) {
        super(message);
        this.scheme = scheme;
    }

    public String scheme() {
        return scheme;
    }
}

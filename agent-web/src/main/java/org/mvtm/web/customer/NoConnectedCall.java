package org.mvtm.web.customer;

import org.springframework.http.HttpStatus;

/**
 * A customer asked for the call of a conversation that has none: {@link #status()} is NOT_FOUND for a conversation
 * that is not the customer's open one, CONFLICT while no advisor is connected; the message says which.
 */
public final class NoConnectedCall extends RuntimeException {
    private final HttpStatus status;

    NoConnectedCall(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}

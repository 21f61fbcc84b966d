package org.mvtm.admin.api;

/** The user, advisor, queue, skill or tier named in a request does not exist. */
public final class NotFound extends RuntimeException {
    public NotFound(String what, String id) {
        super(what + " '" + id + "' does not exist");
    }
}

package org.mvtm.sip.api;

/**
 * {@link CallMedia#offer}: the call already has that party's leg, made by another offer that has not ended yet (in a
 * cluster, a phone another node still rings for the call, whose end has not reached that node). The leg is not
 * touched; an offer may be made again once it is removed.
 */
public class LegTakenException extends IllegalStateException {
    public LegTakenException(String message, Throwable cause) {
        super(message, cause);
    }

    public LegTakenException(String message) {
        super(message);
    }
}

package org.mvtm.media.api;

/**
 * A new leg's id is taken in its call: another offer made that leg and has not removed it yet (in a cluster, an offer
 * placed by another node whose end has not reached it). The caller may try again once that leg is gone.
 */
public class LegExistsException extends MediaException {
    public LegExistsException(String message) {
        super(message);
    }
}

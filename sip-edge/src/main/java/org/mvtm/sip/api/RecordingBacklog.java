package org.mvtm.sip.api;

/**
 * Whether this node's recording of the calls it has connected is behind: an accepted call whose recording has not
 * started yet has waited longer than the server allows. The edge then takes no new call (503 with Retry-After,
 * counted as {@code overload-recording}) until the recordings have caught up, so that a call is refused before it is
 * connected rather than recorded late. The server asks its journey; the default is never behind.
 */
@FunctionalInterface
public interface RecordingBacklog {
    /** Whether a connected call's recording is later than allowed in starting; asked for every new call, so cheap. */
    boolean behind();

    /** Never behind: an edge whose calls nobody records, or a test's. */
    static RecordingBacklog none() {
        return () -> false;
    }
}

package org.mvtm.recording.api;

/**
 * Lifecycle of one recording.
 *
 * <pre>
 *  RECORDING --seal--------------&gt; SEALED --retention/delete--&gt; DELETED
 *      |  \--disk error--&gt; DEGRADED --seal--&gt; SEALED
 *      \--crash, recovered at start-up--&gt; INTERRUPTED --retention/delete--&gt; DELETED
 * </pre>
 */
public enum RecordingState {
    /** Packets and timeline entries are being written. */
    RECORDING,
    /** Writing failed (disk); the call goes on, later data is lost, what was written stays valid. */
    DEGRADED,
    /** Closed normally; the manifest is complete and signed. */
    SEALED,
    /** The process died while recording; start-up recovery sealed the completed segments. */
    INTERRUPTED,
    /** Data key destroyed and files removed. */
    DELETED
}

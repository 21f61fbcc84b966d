package org.mvtm.media.api;

/**
 * What a supervisor's leg hears and who hears it (see {@link MediaSession#monitor}).
 *
 * <ul>
 *   <li>{@link #LISTEN}: the supervisor hears the customer and the advisor mixed; nobody hears the supervisor.</li>
 *   <li>{@link #WHISPER}: as LISTEN, and the advisor hears the supervisor mixed into the customer's audio; the
 *       customer does not.</li>
 *   <li>{@link #BARGE}: everyone hears everyone: the customer hears the advisor and the supervisor mixed, the advisor
 *       hears the customer and the supervisor.</li>
 * </ul>
 */
public enum MonitorMode {
    LISTEN, WHISPER, BARGE
}

package org.mvtm.server.journey;

import org.mvtm.core.id.InteractionId;

/** Which node records an interaction: on one node, this one; in a cluster, the node that holds its media. */
public interface RecordingPlacement {
    RecordingPlacement THIS_NODE = interaction -> true;

    boolean recordsHere(InteractionId interaction);

    /** The interaction is over; a claim on it may be let go. */
    default void ended(InteractionId interaction) {
    }
}

package org.mvtm.server.journey;

import org.mvtm.core.id.InteractionId;

/** Which node records an interaction: on one node, this one; in a cluster, the node that holds its media. */
public interface RecordingPlacement {
    RecordingPlacement THIS_NODE = interaction -> true;

    /** True when this node records the interaction, claiming it when no node does yet. */
    boolean recordsHere(InteractionId interaction);

    /** True when this node holds the interaction's media already; claims nothing. */
    default boolean alreadyHere(InteractionId interaction) {
        return recordsHere(interaction);
    }

    /** The interaction is over; a claim on it may be let go. */
    default void ended(InteractionId interaction) {
    }
}

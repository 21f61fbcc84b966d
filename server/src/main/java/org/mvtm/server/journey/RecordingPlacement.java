package org.mvtm.server.journey;

import java.util.Optional;
import org.mvtm.core.id.InteractionId;
import org.mvtm.recording.api.ChainPoint;

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

    /**
     * How far {@code node} had chained its recording of the interaction when it last said so (a recording continues
     * from there when that node died); empty on one node, or when {@code node} published nothing for it.
     */
    default Optional<ChainPoint> lastChainPoint(InteractionId interaction, String node) {
        return Optional.empty();
    }
}

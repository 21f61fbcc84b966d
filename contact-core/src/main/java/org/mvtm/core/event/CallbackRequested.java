package org.mvtm.core.event;

import java.time.Instant;
import org.mvtm.core.id.InteractionId;

/**
 * A waiting customer (web or SIP) chose to be called back instead of waiting on the line or the page; the interaction
 * keeps its place in the queue. Published once per interaction.
 *
 * @param number where they are called back: an E.164 number or a SIP URI, or empty for their open page
 */
public record CallbackRequested(Instant at, InteractionId interaction, String number) implements ContactEvent {}

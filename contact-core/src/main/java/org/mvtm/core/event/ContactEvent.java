package org.mvtm.core.event;

import java.time.Instant;

/**
 * Something that happened in the contact center, named in the past tense. Modules publish events through
 * {@link EventBus} and never call each other's internals to announce facts.
 */
public interface ContactEvent {
    /** When it happened, by the publisher's injected clock. */
    Instant at();
}

package org.mvtm.media.api;

/** Receives {@link MediaEvent}s; runs on a media thread and must not block. */
@FunctionalInterface
public interface MediaEventListener {
    void onEvent(MediaEvent event);
}

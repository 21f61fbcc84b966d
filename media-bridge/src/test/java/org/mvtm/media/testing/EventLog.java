package org.mvtm.media.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mvtm.media.api.MediaEvent;
import org.mvtm.media.api.MediaEventListener;

/** Collects media events for assertions. */
public final class EventLog implements MediaEventListener {
    public final List<MediaEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(MediaEvent event) {
        events.add(event);
    }

    public <E extends MediaEvent> List<E> of(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <E extends MediaEvent> List<E> of(Class<E> type, String legId) {
        return of(type).stream().filter(e -> e.legId().equals(legId)).toList();
    }
}

package org.mvtm.recording.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.mvtm.recording.api.ChainPoint;
import org.mvtm.recording.manifest.Manifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Who hears how far each recording's chain is on disk ({@link org.mvtm.recording.api.RecordingStore#onChainAdvanced}). */
final class ChainListeners {
    private static final Logger log = LoggerFactory.getLogger(ChainListeners.class);

    private final List<Consumer<ChainPoint>> listeners = new CopyOnWriteArrayList<>();

    void add(Consumer<ChainPoint> listener) {
        listeners.add(listener);
    }

    /** Tells every listener where {@code manifest}'s chain is; call it on the thread that owns the manifest. */
    void advanced(Manifest manifest) {
        ChainPoint point = new ChainPoint(manifest.id(), manifest.metadata().interaction(), manifest.partOf().part(),
                manifest.segments().size(), manifest.chainHead());
        for (Consumer<ChainPoint> l : listeners) {
            try {
                l.accept(point);
            } catch (RuntimeException e) {
                log.warn("chain point of {} not passed on: {}", point.recording(), e.toString());
            }
        }
    }
}

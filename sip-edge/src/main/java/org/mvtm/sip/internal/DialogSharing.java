package org.mvtm.sip.internal;

import java.util.function.Supplier;
import org.mvtm.sip.api.SharedDialog;
import org.mvtm.sip.api.SharedDialogs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts this edge's established dialogs in the {@link SharedDialogs} store and takes them out when they end. The store
 * being unreachable never fails a call: the dialog is then only not carried on if this node dies, which is logged.
 */
final class DialogSharing {
    private static final Logger log = LoggerFactory.getLogger(DialogSharing.class);

    private final SharedDialogs store;

    DialogSharing(SharedDialogs store) {
        this.store = store;
    }

    /** Shares the dialog {@code dialog} reads from the messages; its Call-ID, or null if it could not be shared. */
    String share(Supplier<SharedDialog> dialog) {
        try {
            SharedDialog d = dialog.get();
            store.save(d);
            return d.callId();
        } catch (RuntimeException e) {
            log.warn("a dialog is not shared (no other node could carry it on): {}", e.toString());
            return null;
        }
    }

    /** The dialog ended; nothing for a null Call-ID (never shared). */
    void forget(String callId) {
        if (callId == null) {
            return;
        }
        try {
            store.remove(callId);
        } catch (RuntimeException e) {
            log.warn("the ended dialog {} stays in the shared store: {}", callId, e.toString());
        }
    }
}

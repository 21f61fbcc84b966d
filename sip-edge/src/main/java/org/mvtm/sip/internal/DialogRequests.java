package org.mvtm.sip.internal;

import javax.sip.Dialog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ACK of a 2xx on the B2BUA's UAC legs to phones (advisor and colleague legs); their BYE is {@link SipContext#bye}. */
final class DialogRequests {
    private static final Logger log = LoggerFactory.getLogger(DialogRequests.class);

    private DialogRequests() {
    }

    static void ack(Dialog dialog, long cseq) {
        try {
            if (dialog != null) {
                dialog.sendAck(dialog.createAck(cseq));
            }
        } catch (Exception e) {
            log.debug("cannot ACK: {}", e.toString());
        }
    }
}

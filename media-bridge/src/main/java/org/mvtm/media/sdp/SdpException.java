package org.mvtm.media.sdp;

import org.mvtm.media.api.MediaException;

/** Malformed or unusable SDP. */
public final class SdpException extends MediaException {
    public SdpException(String message) {
        super(message);
    }
}

package org.mvtm.sip.internal;

import java.util.Locale;

/** What the edge needs to know about an SDP body: whether it offers video and whether it puts the call on hold. */
record SdpFacts(boolean video, boolean hold) {

    static SdpFacts of(String sdp) {
        if (sdp == null) {
            return new SdpFacts(false, false);
        }
        boolean video = false;
        boolean sendonlyOrInactive = false;
        boolean zeroAddress = false;
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.strip().toLowerCase(Locale.ROOT);
            if (line.startsWith("m=video") && !line.startsWith("m=video 0 ")) {
                video = true;
            } else if (line.equals("a=sendonly") || line.equals("a=inactive")) {
                sendonlyOrInactive = true;
            } else if (line.startsWith("c=in ip4 0.0.0.0")) {
                zeroAddress = true;
            }
        }
        return new SdpFacts(video, sendonlyOrInactive || zeroAddress);
    }
}

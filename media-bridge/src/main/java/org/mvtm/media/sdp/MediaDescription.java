package org.mvtm.media.sdp;

import java.util.List;
import java.util.Optional;
import org.mvtm.core.media.MediaKind;

/**
 * One m-section of an SDP. {@code kind} is empty for m-lines this bridge does not carry (e.g. application data
 * channels); those are rejected in answers with port 0.
 */
public record MediaDescription(String media, Optional<MediaKind> kind, int port, String protocol, List<Codec> codecs,
                               String mid, String direction, String connectionAddress, String iceUfrag,
                               String icePwd, String fingerprintHash, String fingerprint, String setup,
                               boolean rtcpMux, List<Long> ssrcs, List<String> candidates, int ptime) {
    public MediaDescription {
        codecs = List.copyOf(codecs);
        ssrcs = List.copyOf(ssrcs);
        candidates = List.copyOf(candidates);
    }

    public Optional<Codec> codec(int payloadType) {
        return codecs.stream().filter(c -> c.payloadType() == payloadType).findFirst();
    }
}

package org.mvtm.media.sdp;

import java.util.List;
import java.util.Optional;
import org.mvtm.core.media.MediaKind;

/**
 * One m-section of an SDP. {@code kind} is empty for m-lines this bridge does not carry (e.g. application data
 * channels); those are rejected in answers with port 0. {@code bundleOnly} is RFC 8843's {@code a=bundle-only}: a
 * zero port that does not mean "rejected" but "only usable inside the BUNDLE group". {@code extensions} are the
 * {@code a=extmap} lines (RFC 8285), {@code rids} the {@code a=rid} ids (RFC 8851) and {@code simulcast} the value
 * of {@code a=simulcast} (RFC 8853), empty when absent.
 */
public record MediaDescription(String media, Optional<MediaKind> kind, int port, String protocol, List<Codec> codecs,
                               String mid, String direction, String connectionAddress, String iceUfrag,
                               String icePwd, String fingerprintHash, String fingerprint, String setup,
                               boolean rtcpMux, List<Long> ssrcs, List<String> candidates, int ptime,
                               boolean bundleOnly, List<HeaderExtension> extensions, List<String> rids,
                               String simulcast) {
    /** One {@code a=extmap:<id>[/<direction>] <uri>} line. */
    public record HeaderExtension(int id, String direction, String uri) {
    }

    public MediaDescription {
        codecs = List.copyOf(codecs);
        ssrcs = List.copyOf(ssrcs);
        candidates = List.copyOf(candidates);
        extensions = List.copyOf(extensions);
        rids = List.copyOf(rids);
        simulcast = simulcast == null ? "" : simulcast;
    }

    /** The header extension with this URI, if the section offers it. */
    public Optional<HeaderExtension> extension(String uri) {
        return extensions.stream().filter(e -> e.uri().equals(uri)).findFirst();
    }

    public Optional<Codec> codec(int payloadType) {
        return codecs.stream().filter(c -> c.payloadType() == payloadType).findFirst();
    }
}

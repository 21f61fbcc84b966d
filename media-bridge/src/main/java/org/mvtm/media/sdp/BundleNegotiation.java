package org.mvtm.media.sdp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.mvtm.core.media.MediaKind;

/**
 * The answerer's decisions for a browser offer (JSEP, RFC 8829 section 5.3; BUNDLE, RFC 8843 section 7.3): which
 * m-sections the relay accepts, with which codecs, and which ICE/DTLS parameters the one BUNDLE transport of the leg
 * uses. The relay has one 5-tuple per leg, so:
 * <ul>
 *   <li>with a BUNDLE group, every audio/video m-section of the (first) group is a candidate, including
 *       {@code a=bundle-only} sections with port 0 (Firefox and {@code bundlePolicy: "max-bundle"}); m-sections
 *       outside the group are rejected (they would need a transport of their own);</li>
 *   <li>without a BUNDLE group only the first usable m-section is accepted;</li>
 *   <li>a zero port without {@code a=bundle-only} is an m-section the offerer itself disabled: rejected;</li>
 *   <li>one m-section per kind (the first usable one), except that further {@code recvonly} video m-sections are
 *       accepted, as many as the caller has SSRCs for ({@code extraVideoSsrcs}): each shows the camera of one more
 *       participant (a three-way call), sent with its own SSRC in the main video codec; they must offer that codec
 *       with the same payload type (the leg has one payload-type table). Every other later section is rejected;</li>
 *   <li>the transport's ICE credentials and fingerprint are those of the offerer BUNDLE-tag (the group's first
 *       mid) when that section carries them, otherwise of the first accepted section;</li>
 *   <li>of the RTP header extensions only {@code urn:ietf:params:rtp-hdrext:sdes:mid} is accepted, with the
 *       offered id (RFC 8843 section 15); {@code a=rid}/{@code a=simulcast} are not answered, so a simulcast
 *       sender falls back to one stream (RFC 8853 section 5.3) which the relay forwards as is.</li>
 * </ul>
 * The answer's BUNDLE group lists the accepted mids in the order of the offer's group, so the answerer BUNDLE-tag
 * is the offerer's whenever the relay accepts that section.
 */
public final class BundleNegotiation {
    /** RFC 8843 section 15.2: the MID header extension. */
    public static final String MID_EXTENSION = "urn:ietf:params:rtp-hdrext:sdes:mid";
    private static final Set<String> FINGERPRINT_HASHES = Set.of("sha-1", "sha-224", "sha-256", "sha-384", "sha-512");

    private final List<AnswerWriter.Section> sections;
    private final List<Codec> negotiated;
    private final Map<String, MediaKind> acceptedMids;
    private final int midExtensionId;
    private final MediaDescription transport;
    private final List<String> offeredGroup;
    private final List<Long> extraVideoSsrcs;

    private BundleNegotiation(List<AnswerWriter.Section> sections, List<Codec> negotiated,
                              Map<String, MediaKind> acceptedMids, int midExtensionId, MediaDescription transport,
                              List<String> offeredGroup, List<Long> extraVideoSsrcs) {
        this.offeredGroup = offeredGroup;
        this.extraVideoSsrcs = List.copyOf(extraVideoSsrcs);
        this.sections = List.copyOf(sections);
        this.negotiated = List.copyOf(negotiated);
        this.acceptedMids = Collections.unmodifiableMap(new LinkedHashMap<>(acceptedMids));
        this.midExtensionId = midExtensionId;
        this.transport = transport;
    }

    /**
     * Negotiates an offer. {@code preferredCodecs} names, per kind, the codecs the other party of the call already
     * uses (so media is relayed without transcoding); {@code ssrcs} the SSRC the relay sends per kind.
     *
     * @throws SdpException when no audio or video m-section is usable or the transport parameters are missing
     */
    public static BundleNegotiation answer(SessionDescription offer, Function<MediaKind, List<String>> preferredCodecs,
                                           Map<MediaKind, Long> ssrcs) {
        return answer(offer, preferredCodecs, ssrcs, List.of());
    }

    /**
     * As above; {@code extraVideoSsrcs} are the SSRCs the relay may send on further receive-only video m-sections
     * (one more participant's camera each), in offer order. {@link #extraVideoSsrcs()} tells which were used.
     */
    public static BundleNegotiation answer(SessionDescription offer, Function<MediaKind, List<String>> preferredCodecs,
                                           Map<MediaKind, Long> ssrcs, List<Long> extraVideoSsrcs) {
        List<String> group = offer.bundleGroup();
        List<AnswerWriter.Section> sections = new ArrayList<>();
        List<Codec> negotiated = new ArrayList<>();
        Map<String, MediaKind> mids = new LinkedHashMap<>();
        Set<MediaKind> taken = new HashSet<>();
        MediaDescription firstAccepted = null;
        int midExtension = 0;
        List<Long> extras = new ArrayList<>();
        Codec mainVideo = null;
        for (MediaDescription m : offer.media()) {
            boolean inBundle = m.mid() != null && group.contains(m.mid());
            boolean transportable = m.kind().isPresent() && m.protocol().contains("SAVPF")
                    && (m.port() != 0 || (m.bundleOnly() && inBundle))
                    && (group.isEmpty() ? firstAccepted == null : inBundle);
            Codec video = mainVideo;
            Optional<Codec> extra = transportable && video != null && m.kind().get() == MediaKind.VIDEO
                    && "recvonly".equals(m.direction()) && m.mid() != null && extras.size() < extraVideoSsrcs.size()
                    ? m.codec(video.payloadType()).filter(c -> c.key().equals(video.key()))
                    : Optional.empty();
            if (extra.isPresent()) {
                long ssrc = extraVideoSsrcs.get(extras.size());
                extras.add(ssrc);
                mids.put(m.mid(), MediaKind.VIDEO);
                sections.add(new AnswerWriter.Section(m, List.of(extra.get()), ssrc));
                continue;
            }
            boolean usable = transportable && !taken.contains(m.kind().get());
            Optional<Codec> chosen = usable ? CodecChooser.choose(m, preferredCodecs.apply(m.kind().get()))
                    : Optional.empty();
            if (chosen.isEmpty()) {
                sections.add(new AnswerWriter.Section(m, List.of(), 0));
                continue;
            }
            MediaKind kind = m.kind().get();
            List<Codec> codecs = new ArrayList<>();
            codecs.add(chosen.get());
            CodecChooser.telephoneEvent(m, chosen.get()).ifPresent(codecs::add);
            negotiated.addAll(codecs);
            taken.add(kind);
            mainVideo = kind == MediaKind.VIDEO ? chosen.get() : mainVideo;
            if (m.mid() != null) {
                mids.put(m.mid(), kind);
            }
            firstAccepted = firstAccepted == null ? m : firstAccepted;
            Optional<MediaDescription.HeaderExtension> mid = m.extension(MID_EXTENSION);
            if (mid.isPresent() && (midExtension == 0 || midExtension == mid.get().id())) {
                midExtension = mid.get().id();
            }
            sections.add(new AnswerWriter.Section(m, codecs, ssrcs.getOrDefault(kind, 0L)));
        }
        if (firstAccepted == null) {
            throw new SdpException("WebRTC offer has no audio or video m-line with a codec the bridge relays "
                    + CodecChooser.RELAYABLE + (group.isEmpty() ? "" : " in its BUNDLE group " + group));
        }
        MediaDescription transport = transportSection(offer, firstAccepted);
        int extensionId = midExtension;
        List<AnswerWriter.Section> withExtensions = sections.stream()
                .map(s -> s.accepted() && extensionId != 0 ? s.withMidExtension(extensionId) : s).toList();
        return new BundleNegotiation(withExtensions, negotiated, mids, extensionId, transport, group, extras);
    }

    private static MediaDescription transportSection(SessionDescription offer, MediaDescription firstAccepted) {
        MediaDescription tagged = offer.bundleGroup().isEmpty() ? null : offer.media().stream()
                .filter(m -> offer.bundleGroup().get(0).equals(m.mid())).findFirst().orElse(null);
        MediaDescription t = tagged != null && tagged.iceUfrag() != null && tagged.fingerprint() != null
                ? tagged : firstAccepted;
        String where = "WebRTC offer m=" + t.media() + (t.mid() == null ? "" : " (mid " + t.mid() + ")");
        if (t.iceUfrag() == null || t.icePwd() == null) {
            throw new SdpException(where + " has no a=ice-ufrag/a=ice-pwd");
        }
        if (t.fingerprint() == null) {
            throw new SdpException(where + " has no a=fingerprint");
        }
        if (!FINGERPRINT_HASHES.contains(t.fingerprintHash())) {
            throw new SdpException("unsupported a=fingerprint hash " + t.fingerprintHash());
        }
        if ("passive".equals(t.setup())) {
            throw new SdpException("WebRTC offer says a=setup:passive; the bridge is always DTLS passive");
        }
        return t;
    }

    /** One entry per offered m-section, in offer order, for {@link AnswerWriter#webRtcAnswer}. */
    public List<AnswerWriter.Section> sections() {
        return sections;
    }

    /**
     * The answer's BUNDLE group: the accepted mids in the order of the offer's group (RFC 8843 7.3.1: the answerer
     * BUNDLE-tag, first, is the offerer's tag when that section was accepted); empty when the offer had no group
     * (an answerer must not add one).
     */
    public List<String> answerGroup() {
        List<String> mids = new ArrayList<>(acceptedMids.keySet());
        mids.retainAll(offeredGroup);
        mids.sort(Comparator.comparingInt(mid -> offeredGroup.contains(mid) ? offeredGroup.indexOf(mid)
                : Integer.MAX_VALUE));
        return List.copyOf(mids);
    }

    /** The SSRCs of the accepted extra receive-only video m-sections, in offer order (empty: one camera only). */
    public List<Long> extraVideoSsrcs() {
        return extraVideoSsrcs;
    }

    /** Every codec accepted on any m-section (the leg's payload-type table). */
    public List<Codec> negotiated() {
        return negotiated;
    }

    /** Accepted mids and their kind (what an RTP packet's MID header extension may name). */
    public Map<String, MediaKind> acceptedMids() {
        return acceptedMids;
    }

    /** The id of the MID header extension the browser will send, 0 when it was not offered. */
    public int midExtensionId() {
        return midExtensionId;
    }

    public String remoteUfrag() {
        return transport.iceUfrag();
    }

    public String fingerprintHash() {
        return transport.fingerprintHash();
    }

    public String fingerprint() {
        return transport.fingerprint();
    }
}

package org.mvtm.media.embedded;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mvtm.core.Party;
import org.mvtm.core.media.LegDescription;
import org.mvtm.core.media.LegKind;
import org.mvtm.core.media.MediaKind;
import org.mvtm.core.media.PayloadType;
import org.mvtm.core.media.RtpHeader;
import org.mvtm.core.state.StateMachine;
import org.mvtm.media.api.LegInfo;
import org.mvtm.media.api.MediaEvent;
import org.mvtm.media.opus.OpusCodec;
import org.mvtm.media.rtp.OutboundStream;
import org.mvtm.media.rtp.Rtp;
import org.mvtm.media.sdp.Codec;
import org.mvtm.media.support.CallLeg;

/**
 * One endpoint of a call: its UDP socket (one per leg, BUNDLE + rtcp-mux), read by one of the {@link ReceiveLoops},
 * its negotiated codecs and the streams the bridge sends to it. Subclasses add the transport (WebRTC: ICE-lite +
 * DTLS-SRTP; RTP: plain). Sending to a leg is serialised by its send lock because several receive loops relay to
 * the same leg.
 */
abstract class Leg extends CallLeg {
    static final int BUFFER = 2048;
    final EmbeddedMediaSession session;
    final DatagramChannel channel;
    final InetSocketAddress local;
    final Instant createdAt;
    OutboundStream audioOut = new OutboundStream(OutboundStream.randomSsrc());
    OutboundStream videoOut = new OutboundStream(OutboundStream.randomSsrc());
    /** The video streams this leg's page shows, {@link #videoOut} first: one per other participant's camera. */
    volatile VideoSlots videoSlots = new VideoSlots(videoOut, List.of());
    final Object sendLock = new Object();
    final StateMachine<LegState> state;
    /** Receive buffer: every packet of this leg flows through the relay in this array. */
    final byte[] receiveBuffer = new byte[BUFFER];
    /** Copy target when one packet goes to more than one leg. */
    final byte[] fanOutBuffer = new byte[BUFFER];
    private final ByteBuffer receiveView = ByteBuffer.wrap(receiveBuffer);
    private final AtomicBoolean audioFlowing = new AtomicBoolean();
    private final AtomicBoolean videoFlowing = new AtomicBoolean();
    private final AtomicBoolean garbageReported = new AtomicBoolean();
    volatile Map<Integer, Codec> codecsByPt = Map.of();
    private volatile Map<String, Codec> audioByKey = Map.of();
    private volatile Map<String, Codec> videoByKey = Map.of();
    volatile InetSocketAddress peer;
    volatile boolean onHold;
    /** The audio this leg's peer sends is not relayed (Mute). */
    volatile boolean muted;
    /** What the peer's SDP allows (SIP legs: sendonly / recvonly / inactive / c=0.0.0.0); browsers always both. */
    volatile boolean peerSends = true;
    volatile boolean peerReceives = true;
    volatile boolean closed;
    /**
     * A shared screen ({@link LegKind#SCREEN}) is relayed only between screen legs, never to the camera legs or a
     * monitoring supervisor; set before the leg is registered.
     */
    volatile LegKind kind = LegKind.CALL;
    volatile Instant lastRtpAt;
    /** When the leg connected ({@link #connect}), or null. */
    private volatile Instant connectedAt;
    volatile boolean noMediaReported;
    volatile long inboundVideoSsrc;
    volatile AudioPlayer player;
    volatile Leg[] targets = new Leg[0];
    /** Set when this leg hears more than one audio source: their audio is mixed for it ({@link RelayTopology}). */
    volatile AudioMix mix;
    /** This leg's audio codec (the first, telephone-event aside), or null; what it hears is transcoded into it. */
    volatile Codec mainAudio;
    /** The path of audio this leg hears that must be decoded: another codec, or a mix. */
    final ListenerAudio audioIn = new ListenerAudio(this::opusEncoder);
    /** RFC 8843 MID header extension id of this leg's bundle (0 = not negotiated) and the mids it may name. */
    private volatile int midExtensionId;
    private volatile byte[][] midValues = new byte[0][];
    private volatile MediaKind[] midKinds = new MediaKind[0];
    /** This leg's Opus decoder (its peer's stream) and encoder (what it hears), made when first needed. */
    private final Object codecLock = new Object();
    private OpusCodec.Decoder opusDecoder;
    private OpusCodec.Encoder opusEncoder;
    private final short[] opusPcm = new short[OpusCodec.MAX_FRAME_SAMPLES];

    Leg(String id, Party party, EmbeddedMediaSession session, DatagramChannel channel, Instant now) {
        super(id, party);
        this.session = session;
        this.channel = channel;
        this.createdAt = now;
        this.state = LegState.machine(id);
        try {
            this.local = (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException("media socket has no local address", e);
        }
    }

    @Override
    public LegKind kind() {
        return kind;
    }

    void negotiated(List<Codec> codecs) {
        Map<Integer, Codec> byPt = new HashMap<>();
        Map<String, Codec> audio = new HashMap<>();
        Map<String, Codec> video = new HashMap<>();
        for (Codec c : codecs) {
            byPt.put(c.payloadType(), c);
            (c.kind() == MediaKind.AUDIO ? audio : video).putIfAbsent(c.key(), c);
        }
        codecsByPt = Map.copyOf(byPt);
        audioByKey = Map.copyOf(audio);
        videoByKey = Map.copyOf(video);
        mainAudio = mainCodec(MediaKind.AUDIO);
    }

    Codec codecFor(MediaKind kind, String key) {
        return (kind == MediaKind.AUDIO ? audioByKey : videoByKey).get(key);
    }

    /** The first audio (non telephone-event) or video codec, or null. */
    Codec mainCodec(MediaKind kind) {
        return codecsByPt.values().stream().filter(c -> c.kind() == kind && !c.isTelephoneEvent())
                .sorted((a, b) -> Integer.compare(a.payloadType(), b.payloadType())).findFirst().orElse(null);
    }

    /** The MID header extension the peer was told to use and the accepted mids of its BUNDLE group. */
    void midExtension(int id, Map<String, MediaKind> mids) {
        byte[][] values = new byte[mids.size()][];
        MediaKind[] kinds = new MediaKind[mids.size()];
        int i = 0;
        for (Map.Entry<String, MediaKind> e : mids.entrySet()) {
            values[i] = e.getKey().getBytes(StandardCharsets.US_ASCII);
            kinds[i++] = e.getValue();
        }
        midValues = values;
        midKinds = kinds;
        midExtensionId = id;
    }

    /** Uses the SSRCs the SDP answer announced; called before {@link #start()}. */
    void useSsrcs(long audio, long video) {
        useSsrcs(audio, video, List.of());
    }

    /** As above, with the SSRCs of the extra receive-only video m-sections (more cameras, {@link VideoSlots}). */
    void useSsrcs(long audio, long video, List<Long> extraVideo) {
        audioOut = new OutboundStream(audio);
        videoOut = new OutboundStream(video);
        videoSlots = new VideoSlots(videoOut, extraVideo);
    }

    void start() {
        session.server.threadStarted();
        session.server.loops.register(this);
    }

    /** Reads every datagram waiting on the (non-blocking) socket; runs on this leg's I/O loop thread. */
    void drain() {
        while (!closed) {
            receiveView.clear();
            SocketAddress from;
            try {
                from = channel.receive(receiveView);
            } catch (IOException e) {
                return;
            }
            if (from == null) {
                return;
            }
            int len = receiveView.position();
            try {
                onDatagram(receiveBuffer, 0, len, (InetSocketAddress) from, session.server.clock.instant());
            } catch (RuntimeException e) {
                garbage("unprocessable datagram from " + from + ": " + e);
            }
        }
    }

    /** Demultiplexes and handles one datagram; runs on this leg's receive thread. */
    abstract void onDatagram(byte[] buf, int off, int len, InetSocketAddress from, Instant now);

    /** True once media can be sent to the peer (address known, keys ready). */
    abstract boolean ready();

    /** Protects an RTP packet in place for this leg's transport; returns the length to send. */
    abstract int protectRtp(byte[] buf, int off, int len);

    /** Protects an RTCP packet in place; returns the length to send or -1 if it cannot be sent yet. */
    abstract int protectRtcp(byte[] buf, int off, int len);

    abstract LegInfo.Transport transport();

    /** Checks timers (ICE, DTLS, consent, no media); runs on the watchdog thread. */
    void check(Instant now, Duration noMediaTimeout) {
        Instant last = lastRtpAt;
        if (ready() && !onHold && peerSends && !noMediaReported) {
            Instant since = last != null ? last : connectedAt();
            if (since != null && Duration.between(since, now).compareTo(noMediaTimeout) >= 0) {
                noMediaReported = true;
                session.publish(new MediaEvent.NoMedia(session.interaction(), id, Duration.between(since, now), now));
            }
        }
    }

    final Instant connectedAt() {
        return connectedAt;
    }

    /**
     * Moves to CONNECTED at {@code at}, if the leg can, and tells the session (LegConnected; the leg is ready to be
     * bridged). False when it cannot: connected already, or failed or closed meanwhile.
     */
    final boolean connect(Instant at) {
        if (!state.tryMoveTo(LegState.CONNECTED)) {
            return false;
        }
        connectedAt = at;
        session.publish(new MediaEvent.LegConnected(session.interaction(), id, at));
        session.legReady(this);
        return true;
    }

    /**
     * A decrypted RTP packet from this leg's peer. Its header extensions (MID, RID, audio level, ...) were
     * negotiated with this peer only: the packet's MID, when present, must name an accepted m-section of the payload
     * type's kind, and the extension block is removed in place before the packet is recorded and relayed, so no
     * other leg receives extension ids it never negotiated.
     */
    void rtpReceived(byte[] buf, int off, int len, Instant now) {
        Codec codec = codecsByPt.get(Rtp.payloadType(buf, off));
        if (codec == null) {
            return;
        }
        if ((buf[off] & 0x10) != 0) {
            if (midExtensionId != 0 && !midMatches(buf, off, len, codec.kind())) {
                garbage("RTP payload type " + codec.payloadType() + " (" + codec.name() + ") arrived with a MID of"
                        + " another or no accepted m-section");
                return;
            }
            int removed = Rtp.removeExtension(buf, off, len);
            off += removed;
            len -= removed;
        }
        lastRtpAt = now;
        noMediaReported = false;
        MediaKind kind = codec.kind();
        if (kind == MediaKind.VIDEO) {
            inboundVideoSsrc = RtpHeader.ssrc(buf, off);
        }
        AtomicBoolean flowing = kind == MediaKind.AUDIO ? audioFlowing : videoFlowing;
        if (!flowing.get() && flowing.compareAndSet(false, true)) {
            session.publish(new MediaEvent.MediaFlowing(session.interaction(), id, kind, now));
        }
        session.relay(this, buf, off, len, codec, now);
    }

    private boolean midMatches(byte[] buf, int off, int len, MediaKind kind) {
        long found = Rtp.findExtension(buf, off, len, midExtensionId);
        if (found < 0) {
            return true; // browsers stop sending the MID once the SSRC is known: demultiplex by payload type
        }
        int at = (int) (found >>> 16);
        int length = (int) (found & 0xFFFF);
        byte[][] values = midValues;
        for (int i = 0; i < values.length; i++) {
            if (Arrays.equals(buf, at, at + length, values[i], 0, values[i].length)) {
                return midKinds[i] == kind;
            }
        }
        return false;
    }

    /**
     * Sends a packet that arrived from {@code source} to this leg's peer: payload type mapped by codec name,
     * SSRC/sequence/timestamp rewritten to this leg's stream, protected in place. Returns false if dropped.
     */
    boolean sendRtpFrom(Object source, byte[] buf, int off, int len, Codec sourceCodec) {
        Codec mine = codecFor(sourceCodec.kind(), sourceCodec.key());
        if (mine == null || closed || !peerReceives) {
            return false;
        }
        synchronized (sendLock) {
            InetSocketAddress to = peer;
            if (to == null || !ready()) {
                return false;
            }
            OutboundStream out = audioOut;
            if (sourceCodec.kind() == MediaKind.VIDEO) {
                VideoSlots slots = videoSlots;
                out = slots.streamOf(source);
                out = out != null ? out : slots.take(source); // its receiver asks the source for a keyframe (PLI)
                if (out == null) {
                    return false; // every camera this page shows is another participant's
                }
            }
            Rtp.setPayloadType(buf, off, mine.payloadType());
            out.rewrite(buf, off, source, mine.clockRate() / 50);
            int n = protectRtp(buf, off, len);
            return sendRaw(buf, off, n, to);
        }
    }

    /** The bridge forwards to this leg again after a hold: its streams continue their sequence numbers. */
    void resumeAfterPause() {
        synchronized (sendLock) {
            audioOut.resumeAfterPause();
            videoSlots.resumeAfterPause();
        }
    }

    /**
     * The audio of an RTP packet from this leg's peer as linear PCM for a mix (G.711: 8 kHz; Opus: 48 kHz mono), or
     * null when it has none or cannot be decoded. Runs on this leg's receive thread, once per packet.
     */
    short[] decodeAudio(byte[] buf, int off, int len, Codec codec) {
        int start = off + 12 + 4 * (buf[off] & 0x0F);
        int end = off + len - ((buf[off] & 0x20) != 0 ? buf[off + len - 1] & 0xFF : 0);
        if (start >= end) {
            return null;
        }
        if (AudioFrames.isG711(codec)) {
            return AudioFrames.g711ToLinear(buf, start, end, codec.key().equals("PCMA"));
        }
        OpusCodec.Decoder decoder;
        synchronized (codecLock) {
            if (opusDecoder == null && !closed && AudioFrames.isOpus(codec) && session.server.opus.available()) {
                opusDecoder = session.server.opus.decoder();
            }
            decoder = opusDecoder;
        }
        int n = decoder == null ? -1 : decoder.decode(buf, start, end - start, opusPcm);
        return n > 0 ? Arrays.copyOf(opusPcm, n) : null;
    }

    /** The encoder of the Opus audio this leg hears mixed or transcoded (null once closed or without libopus). */
    OpusCodec.Encoder opusEncoder() {
        synchronized (codecLock) {
            if (opusEncoder == null && !closed && session.server.opus.available()) {
                opusEncoder = session.server.opus.encoder();
            }
            return opusEncoder;
        }
    }

    /** Sends an RTCP packet built by the bridge (the array is modified). */
    void sendRtcp(byte[] buf, int off, int len) {
        synchronized (sendLock) {
            InetSocketAddress to = peer;
            if (to == null || closed) {
                return;
            }
            int n = protectRtcp(buf, off, len);
            if (n > 0) {
                sendRaw(buf, off, n, to);
            }
        }
    }

    boolean sendRaw(byte[] buf, int off, int len, InetSocketAddress to) {
        try {
            channel.send(ByteBuffer.wrap(buf, off, len), to);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    OutboundStream outboundBySsrc(long ssrc) {
        if (audioOut.ssrc() == ssrc) {
            return audioOut;
        }
        return videoSlots.bySsrc(ssrc);
    }

    void garbage(String reason) {
        if (garbageReported.compareAndSet(false, true)) {
            session.publish(new MediaEvent.GarbageReceived(session.interaction(), id, reason,
                    session.server.clock.instant()));
        }
    }

    List<PayloadType> payloadTypes() {
        return codecsByPt.values().stream().map(Codec::toPayloadType)
                .sorted((a, b) -> Integer.compare(a.number(), b.number())).toList();
    }

    LegDescription description() {
        return new LegDescription(id, party.mediaName(), payloadTypes(), kind);
    }

    /** Whether the recording taps this leg: every leg but a customer's screen leg, which only watches. */
    boolean recorded() {
        return !(kind == LegKind.SCREEN && party == Party.CUSTOMER);
    }

    LegInfo info() {
        return new LegInfo(id, party, transport(), local, payloadTypes(), ready(), onHold);
    }

    /** Plays {@code next} to this leg (null: nothing) instead of what it played, which stops. */
    void replacePlayer(AudioPlayer next) {
        AudioPlayer previous = player;
        player = next;
        if (previous != null) {
            previous.stop();
        }
    }

    /** Closes the socket and stops the receive thread; idempotent. */
    void close() {
        if (!state.tryMoveTo(LegState.CLOSED)) {
            return;
        }
        closed = true;
        synchronized (codecLock) {
            if (opusDecoder != null) {
                opusDecoder.close();
            }
            if (opusEncoder != null) {
                opusEncoder.close();
            }
        }
        AudioPlayer p = player;
        if (p != null) {
            p.stop();
        }
        onClose();
        session.server.ports.release(channel);
        session.server.loops.wakeAll();
        session.server.threadStopped();
    }

    void onClose() {
    }
}

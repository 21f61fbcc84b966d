package org.mvtm.media.embedded;

import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.media.LegKind;
import org.mvtm.core.media.MediaKind;
import org.mvtm.core.media.MediaPacketSink;
import org.mvtm.core.time.EpochMicros;
import org.mvtm.media.api.LegInfo;
import org.mvtm.media.api.MediaEvent;
import org.mvtm.media.api.MediaException;
import org.mvtm.media.api.MediaSession;
import org.mvtm.media.api.MonitorMode;
import org.mvtm.media.sdp.Codec;
import org.mvtm.media.support.CallLegs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The legs of one call and the relay between them. Topology changes (add/remove/connect/hold/recording) take the
 * session lock; the packet path reads volatile snapshots ({@link Leg#targets}, {@link #sink}) and never locks the
 * session.
 *
 * <p>Relay path for one packet from leg A (on A's receive thread, in A's receive buffer):
 * <pre>
 *   decrypted RTP -> recording tap (sink.packet, no copy; no recording yet: a copy into the {@link PreRoll})
 *       -> {@link FanOut}: for each target B of A:
 *       [copy to A's fan-out buffer unless B is the last target] -> [audio B hears in another codec or mixed:
 *       B's ListenerAudio (decode once, resample, mix, encode, retime)] -> B: PT map by codec name -> SSRC/seq/ts
 *       rewrite -> SRTP protect in place -> send
 * </pre>
 */
final class EmbeddedMediaSession implements MediaSession {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMediaSession.class);
    final EmbeddedMediaServer server;
    private final InteractionId interaction;
    private final CallLegs<Leg> legs;
    /** Supervisor legs and what they do (listen, whisper, barge-in); see {@link RelayTopology}. */
    private final Map<String, MonitorMode> monitors = new LinkedHashMap<>();
    private volatile MediaPacketSink sink;
    /** What the recorded legs sent since the advisor joined, while no recording runs (replaced when one stops). */
    private volatile PreRoll preRoll = new PreRoll();
    private volatile boolean released;
    /** A recording ran on this session (its pre-roll was handed over once; what is kept after that is not parked). */
    private boolean recordedOnce;
    /** A leg was ever added (a session without one was opened only for the late recording of an ended call). */
    private boolean everHadLeg;
    private final BrowserLegs browserLegs = new BrowserLegs(this);
    private final SipLegs sipLegs = new SipLegs(this);
    private final FanOut fanOut;

    EmbeddedMediaSession(EmbeddedMediaServer server, InteractionId interaction) {
        this.server = server;
        this.interaction = interaction;
        this.fanOut = new FanOut(server.opus);
        this.legs = new CallLegs<>(interaction, List.of(Party.CUSTOMER, Party.ADVISOR, Party.SUPERVISOR));
    }

    @Override
    public InteractionId interaction() {
        return interaction;
    }

    @Override
    public String addWebRtcLeg(String legId, Party party, String sdpOffer) {
        return browserLegs.add(legId, party, sdpOffer, LegKind.CALL);
    }

    @Override
    public String addScreenLeg(String legId, Party party, String sdpOffer) {
        if (party == Party.SUPERVISOR) {
            throw new MediaException("a screen leg is an advisor's or a customer's, not a '" + party.mediaName()
                    + "' leg");
        }
        return browserLegs.add(legId, party, sdpOffer, LegKind.SCREEN);
    }

    @Override
    public void addRemoteCandidate(String legId, String candidateLine) {
        browserLegs.addCandidate(legId, candidateLine);
    }

    @Override
    public String addRtpLeg(String legId, Party party, String sdpOffer) {
        return sipLegs.add(legId, party, sdpOffer);
    }

    @Override
    public String updateRtpLeg(String legId, String sdpOffer) {
        return sipLegs.update(legId, sdpOffer);
    }

    @Override
    public String createRtpOffer(String legId, Party party) {
        return sipLegs.offer(legId, party);
    }

    @Override
    public void applyRtpAnswer(String legId, String sdpAnswer) {
        sipLegs.applyAnswer(legId, sdpAnswer);
    }

    @Override
    public void connect(String legA, String legB) {
        synchronized (this) {
            legs.connect(legA, legB);
            recomputeTargets();
        }
    }

    @Override
    public void monitor(String supervisorLegId, MonitorMode mode) {
        synchronized (this) {
            Leg leg = leg(supervisorLegId);
            if (leg.party != Party.SUPERVISOR) {
                throw new MediaException("leg " + supervisorLegId + " is a " + leg.party.mediaName() + " leg; only a "
                        + Party.SUPERVISOR.mediaName() + " leg can monitor");
            }
            Optional<String> refusal = AudioFrames.cannotMix(legs.all(), server.opus);
            if (refusal.isPresent()) {
                throw new MediaException("call " + interaction + " cannot be monitored: " + refusal.get());
            }
            monitors.put(supervisorLegId, Objects.requireNonNull(mode, "mode"));
            recomputeTargets();
        }
    }

    @Override
    public Optional<String> cannotMix() {
        synchronized (this) {
            return AudioFrames.cannotMix(legs.all(), server.opus);
        }
    }

    @Override
    public void startRecording(MediaPacketSink newSink) {
        if (newSink == null) {
            throw new MediaException("recording sink is null");
        }
        MediaPacketSink old;
        PreRoll.Handed handed;
        synchronized (this) {
            checkOpen();
            old = sink;
            long notBefore = EpochMicros.of(server.clock.instant().minus(PreRoll.WINDOW));
            if (!recordedOnce && !everHadLeg) { // the call ended before its recording started: what it kept
                Optional<PreRoll> ended = server.endedCalls.take(interaction);
                if (ended.isPresent()) {
                    preRoll = ended.get();
                    notBefore = Long.MIN_VALUE;
                }
            }
            Set<String> described = new HashSet<>();
            legs.all().stream().filter(Leg::recorded).forEach(leg -> {
                newSink.legAdded(leg.description());
                described.add(leg.id);
            });
            handed = preRoll.drainTo(newSink, notBefore, described);
            sink = newSink;
            recordedOnce = true;
        }
        if (old != null) {
            old.closed();
        }
        if (handed.packets() > 0) {
            Instant first = EpochMicros.instant(handed.firstMicros());
            log.info("recording of {} starts {} ms after its first kept packet: {} packets sent before it are in it{}",
                    interaction, Duration.between(first, server.clock.instant()).toMillis(), handed.packets(),
                    handed.olderLetGo() ? "; older ones (beyond " + PreRoll.WINDOW.toSeconds() + " s or "
                            + PreRoll.MAX_BYTES / (1 << 20) + " MiB) are not" : "");
        }
        for (Leg leg : snapshot()) {
            FanOut.requestKeyframe(leg);
        }
    }

    @Override
    public void stopRecording() {
        MediaPacketSink old;
        boolean openedOnlyToRecord;
        synchronized (this) {
            old = sink;
            sink = null;
            preRoll = new PreRoll();
            armPreRoll();
            openedOnlyToRecord = !everHadLeg && !released;
        }
        if (old != null) {
            old.closed();
        }
        if (openedOnlyToRecord) {
            release(); // the late recording of an ended call is over: nothing else will release this session
        }
    }

    @Override
    public void playAudio(String legId, Path wavOrRaw, boolean loop) {
        Leg leg = leg(legId);
        Codec codec = leg.mainCodec(MediaKind.AUDIO);
        if (!AudioFrames.isG711(codec) && !AudioFrames.isOpus(codec)) {
            throw new MediaException("playAudio needs PCMU, PCMA or Opus on leg " + legId + " but it negotiated "
                    + (codec == null ? "no audio" : codec.name()));
        }
        AudioClip clip = server.clips.load(wavOrRaw, codec.key());
        AudioPlayer next = new AudioPlayer(leg, clip, codec, loop, server.scheduler);
        leg.replacePlayer(next);
        next.start();
    }

    @Override
    public void stopAudio(String legId) {
        leg(legId).replacePlayer(null);
    }

    @Override
    public void hold(String legId, boolean onHold) {
        Leg held = leg(legId);
        if (!onHold && held.onHold) {
            // nothing was relayed to or from the held leg: no leg's peer may see that pause as lost packets
            for (Leg leg : snapshot()) {
                leg.resumeAfterPause();
            }
        }
        held.onHold = onHold;
    }

    @Override
    public void mute(String legId, boolean muted) {
        Leg leg = leg(legId);
        if (!muted && leg.muted) {
            // its audio was held back on purpose: whoever hears it again counts no lost packets
            for (Leg target : leg.targets) {
                target.resumeAfterPause();
            }
        }
        leg.muted = muted;
    }

    @Override
    public void removeLeg(String legId) {
        Leg leg;
        synchronized (this) {
            leg = leg(legId);
            legs.remove(leg);
            departed(leg);
            monitors.remove(legId);
            recomputeTargets();
            armPreRoll();
        }
        leg.close();
        publish(new MediaEvent.LegClosed(interaction, legId, "removed", server.clock.instant()));
    }

    /** A leg that failed (ICE/DTLS) is closed and removed; the event was already published. */
    void removeFailedLeg(Leg leg, MediaEvent cause) {
        synchronized (this) {
            if (!legs.remove(leg)) {
                return;
            }
            departed(leg);
            monitors.remove(leg.id);
            recomputeTargets();
            armPreRoll();
        }
        server.closeLater(leg);
        publish(new MediaEvent.LegClosed(interaction, leg.id, cause.getClass().getSimpleName(),
                server.clock.instant()));
    }

    @Override
    public List<LegInfo> legs() {
        synchronized (this) {
            return legs.all().stream().map(Leg::info).toList();
        }
    }

    @Override
    public void release() {
        List<Leg> all;
        PreRoll unrecorded;
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
            all = legs.clear();
            all.forEach(this::departed);
            monitors.clear();
            unrecorded = recordedOnce ? null : preRoll;
        }
        if (unrecorded != null) {
            server.endedCalls.park(interaction, unrecorded);
        }
        stopRecording();
        for (Leg leg : all) {
            leg.close();
            publish(new MediaEvent.LegClosed(interaction, leg.id, "released", server.clock.instant()));
        }
        server.forget(this);
    }

    boolean released() {
        return released;
    }

    void publish(MediaEvent event) {
        server.publish(event);
    }

    /** Every call's legs, for the watchdog. */
    List<Leg> snapshot() {
        synchronized (this) {
            return new ArrayList<>(legs.all());
        }
    }

    // ---- packet path -------------------------------------------------------------------------------------

    void relay(Leg from, byte[] buf, int off, int len, Codec codec, Instant now) {
        long micros = EpochMicros.of(now);
        if (from.recorded()) {
            MediaPacketSink s = sink;
            try {
                if (s != null) {
                    s.packet(from.id, codec.kind(), micros, buf, off, len);
                } else {
                    preRoll.packet(from.id, codec.kind(), micros, buf, off, len);
                }
            } catch (RuntimeException e) {
                // a failing recorder must not stop the call
            }
        }
        fanOut.relay(from, buf, off, len, codec, micros);
    }

    /** RTCP from {@code leg}'s peer: feedback about the streams the bridge sends it goes back to their senders. */
    void rtcpReceived(Leg leg, byte[] buf, int off, int len) {
        FeedbackForwarding.received(leg, buf, off, len);
    }
    /** A leg can now receive media: ask the video senders connected to it for a keyframe. */
    void legReady(Leg leg) {
        for (Leg source : leg.targets) {
            FanOut.requestKeyframe(source);
        }
    }

    // ---- topology ------------------------------------------------------------------------------------------

    void register(Leg leg) {
        synchronized (this) {
            checkOpen();
            legs.add(leg);
            everHadLeg = true;
            recomputeTargets();
            armPreRoll();
            MediaPacketSink s = sink;
            if (s != null && leg.recorded()) {
                s.legAdded(leg.description());
            }
        }
        leg.start();
    }

    /** A recorded leg left: a recording that starts later still gets its description; caller holds the lock. */
    private void departed(Leg leg) {
        if (leg.recorded()) {
            preRoll.departed(leg.description());
        }
    }

    /** Keep packets for a recording to come while an advisor is in the call; caller holds the session lock. */
    private void armPreRoll() {
        preRoll.arm(legs.all().stream().anyMatch(l -> l.party == Party.ADVISOR && l.recorded()));
    }

    private void recomputeTargets() {
        RelayTopology.apply(legs.all(), legs.connections(), monitors, server.opus);
    }

    List<String> preferredCodecs(Party party, MediaKind kind) {
        synchronized (this) {
            List<String> keys = new ArrayList<>();
            for (Leg l : legs.all()) {
                if (!l.party.equals(party)) {
                    Codec c = l.mainCodec(kind);
                    if (c != null && !keys.contains(c.key())) {
                        keys.add(c.key());
                    }
                }
            }
            return keys;
        }
    }

    void checkNewLeg(String legId, Party party) {
        synchronized (this) {
            checkOpen();
            legs.checkNew(legId, party);
        }
    }

    /** Binds a port for a new leg and builds the leg with it; the port is released when building fails. */
    <T> T onNewPort(Function<DatagramChannel, T> build) {
        DatagramChannel channel = server.ports.bind();
        try {
            return build.apply(channel);
        } catch (RuntimeException e) {
            server.ports.release(channel);
            throw e;
        }
    }

    private void checkOpen() {
        if (released) {
            throw new MediaException("media session of " + interaction + " was released");
        }
    }

    Leg leg(String legId) {
        synchronized (this) {
            return legs.get(legId);
        }
    }
}

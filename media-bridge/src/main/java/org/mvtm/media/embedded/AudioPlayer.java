package org.mvtm.media.embedded;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.mvtm.core.media.RtpHeader;
import org.mvtm.media.rtp.OutboundStream;
import org.mvtm.media.sdp.Codec;

/**
 * Paces a cached {@link AudioClip} into one leg every 20 ms on the media timer thread (sending UDP never blocks), in
 * the leg's codec (G.711 or Opus: the clip was encoded for it once). Relayed audio to the leg is muted while it plays.
 */
final class AudioPlayer {
    private final Leg leg;
    private final AudioClip clip;
    private final Codec codec;
    private final boolean loop;
    private final ScheduledExecutorService scheduler;
    private final byte[] packet;
    private final long ssrc = OutboundStream.randomSsrc();
    private ScheduledFuture<?> task;
    private int frame;
    private int seq = (int) (Math.random() * 65535);
    private long timestamp;

    AudioPlayer(Leg leg, AudioClip clip, Codec codec, boolean loop, ScheduledExecutorService scheduler) {
        this.leg = leg;
        this.clip = clip;
        this.codec = codec;
        this.loop = loop;
        this.scheduler = scheduler;
        int longest = 0;
        for (byte[] f : clip.frames()) {
            longest = Math.max(longest, f.length);
        }
        this.packet = new byte[12 + longest + 32];
    }

    synchronized void start() {
        task = scheduler.scheduleAtFixedRate(this::tick, 0, 20, TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void tick() {
        if (frame >= clip.frames().length) {
            if (!loop) {
                stop();
                if (leg.player == this) {
                    leg.player = null;
                }
                return;
            }
            frame = 0;
        }
        byte[] payload = clip.frames()[frame++];
        RtpHeader.write(packet, 0, frame == 1, codec.payloadType(), seq++ & 0xFFFF, timestamp, ssrc);
        timestamp += clip.frameTicks();
        System.arraycopy(payload, 0, packet, 12, payload.length);
        leg.sendRtpFrom(this, packet, 0, 12 + payload.length, codec);
    }
}

package org.mvtm.media.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.mvtm.core.media.G711;
import org.mvtm.core.media.RtpHeader;

/**
 * A PCMU phone on loopback for the G.711 mix tests that speaks one steady level and remembers the loudest level it
 * heard: each phone of a call speaks a level of its own, so the level a phone receives says whose voices reach it.
 */
final class LevelPhone extends LoopbackPhone implements LoopbackPhone.Talker {
    /** The customer's level. */
    static final short CUSTOMER = 1000;
    /** The advisor's level. */
    static final short ADVISOR = 2000;
    final AtomicInteger loudest = new AtomicInteger();
    final short level;
    int seq;

    LevelPhone(short level) throws IOException {
        super("0");
        this.level = level;
        listen();
    }

    @Override
    public void speak() throws IOException {
        byte[] b = new byte[12 + 160];
        RtpHeader.write(b, 0, false, 0, seq++ & 0xFFFF, seq * 160L, 1000 + level);
        Arrays.fill(b, 12, b.length, G711.linearToUlaw(level));
        send(b, b.length);
    }

    @Override
    public void forget() {
        received.set(0);
        loudest.set(0);
    }

    @Override
    void packet(byte[] b, int length) {
        loudest.accumulateAndGet(Math.abs(G711.ulawToLinear(b[12 + 80])), Math::max);
    }

    /** Everyone forgets what they heard so far, then speaks 40 frames, 5 ms apart. */
    static void talk(LevelPhone... phones) throws Exception {
        LoopbackPhone.Talker.talk(List.of(phones), phones);
    }

    /** Waits until {@code listener} hears {@code level} (the sum of the levels mixed for it, give or take 200). */
    static void awaitHears(LevelPhone listener, int level, String whom) {
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.loudest.get() > level - 200);
        assertThat(listener.loudest.get()).as(whom).isBetween(level - 200, level + 200);
    }
}

package org.mvtm.media.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.media.G711;
import org.mvtm.core.media.RtpHeader;
import org.mvtm.media.api.EmbeddedMediaConfig;
import org.mvtm.media.api.MediaException;
import org.mvtm.media.api.MediaSession;
import org.mvtm.media.api.MonitorMode;
import org.mvtm.media.opus.OpusCodec;

/**
 * A supervisor on a G.711 call: listen, whisper and barge-in decide who hears whom, and the relay mixes what a leg
 * hears from several people. Each phone speaks a steady level of its own (customer 1000, advisor 2000, supervisor
 * 4000), so the level a phone receives says whose voices reach it: 1000 + 4000 is the customer with the supervisor.
 */
class SupervisorMonitoringMixTest extends EmbeddedMediaOnLoopback {
    private static final short CUSTOMER = 1000;
    private static final short ADVISOR = 2000;
    private static final short SUPERVISOR = 4000;
    private MediaSession session;

    @BeforeEach
    void start() {
        session = media.session(InteractionId.of("monitored"));
    }

    /** A PCMU phone on loopback that speaks one steady level and remembers the loudest level it heard. */
    static final class Phone extends LoopbackPhone implements LoopbackPhone.Talker {
        final AtomicInteger loudest = new AtomicInteger();
        final short level;
        int seq;

        Phone(short level) throws IOException {
            super("0");
            this.level = level;
            listen();
        }

        @Override
        public void speak() throws IOException {
            byte[] b = new byte[12 + 160];
            RtpHeader.write(b, 0, false, 0, seq++ & 0xFFFF, seq * 160L, 1000 + level);
            java.util.Arrays.fill(b, 12, b.length, G711.linearToUlaw(level));
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
    }

    /** Everyone forgets what they heard so far, then speaks 40 frames, 5 ms apart. */
    static void talk(Phone... phones) throws Exception {
        LoopbackPhone.Talker.talk(List.of(phones), phones);
    }

    /** Waits until {@code listener} hears {@code level} (the sum of the levels mixed for it, give or take 200). */
    static void awaitHears(Phone listener, int level, String whom) {
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.loudest.get() > level - 200);
        assertThat(listener.loudest.get()).as(whom).isBetween(level - 200, level + 200);
    }

    @Test
    void theSupervisorListensThenWhispersToTheAdvisorThenBargesIn() throws Exception {
        try (Phone customer = new Phone(CUSTOMER); Phone advisor = new Phone(ADVISOR);
             Phone supervisor = new Phone(SUPERVISOR)) {
            LoopbackPhone.monitoredCall(session, customer, advisor, supervisor);

            // joined but not monitoring yet: the supervisor hears nothing and nobody hears the supervisor
            talk(customer, advisor, supervisor);
            await().atMost(Duration.ofSeconds(10)).until(() -> customer.received.get() >= 30 && advisor.received.get() >= 30);
            assertThat(supervisor.received.get()).isZero();
            assertThat(customer.loudest.get()).isBetween(1900, 2100);

            session.monitor("supervisor", MonitorMode.LISTEN);
            talk(customer, advisor, supervisor);
            awaitHears(supervisor, CUSTOMER + ADVISOR, "both sides mixed");
            assertThat(customer.loudest.get()).as("the customer hears only the advisor").isBetween(1900, 2100);
            assertThat(advisor.loudest.get()).as("the advisor hears only the customer").isBetween(900, 1100);

            session.monitor("supervisor", MonitorMode.WHISPER);
            talk(customer, advisor, supervisor);
            awaitHears(advisor, CUSTOMER + SUPERVISOR, "customer and supervisor mixed");
            assertThat(customer.loudest.get()).as("the customer does not hear the whisper").isBetween(1900, 2100);

            session.monitor("supervisor", MonitorMode.BARGE);
            talk(customer, advisor, supervisor);
            awaitHears(customer, ADVISOR + SUPERVISOR, "advisor and supervisor mixed");
            assertThat(supervisor.loudest.get()).isBetween(2800, 3200);

            // the supervisor hangs up: the call goes on as before
            session.removeLeg("supervisor");
            talk(customer, advisor);
            await().atMost(Duration.ofSeconds(10)).until(() -> customer.received.get() >= 30 && advisor.received.get() >= 30);
            assertThat(customer.loudest.get()).isBetween(1900, 2100);
            assertThat(advisor.loudest.get()).isBetween(900, 1100);
        }
    }

    @Test
    void aSupervisorWhoseAdvisorIsHeldStillWhispersAlone() throws Exception {
        try (Phone customer = new Phone(CUSTOMER); Phone advisor = new Phone(ADVISOR);
             Phone supervisor = new Phone(SUPERVISOR)) {
            LoopbackPhone.monitoredCall(session, customer, advisor, supervisor);
            session.monitor("supervisor", MonitorMode.WHISPER);
            // the customer says nothing at all (no packets): the whisper still reaches the advisor, unmixed
            for (int i = 0; i < 10; i++) {
                supervisor.speak();
            }
            awaitHears(advisor, SUPERVISOR, "the whisper alone");
            assertThat(customer.received.get()).isZero();
        }
    }

    @Test
    void withoutLibopusACallMixingOpusAndG711CannotBeMonitoredAndTheErrorSaysWhy() throws Exception {
        String opus = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 111\r\n"
                + "a=rtpmap:111 opus/48000/2\r\n";
        EmbeddedMediaServer withoutOpus = new EmbeddedMediaServer(EmbeddedMediaConfig.loopbackAnyPort(),
                Clock.systemUTC(), OpusCodec.load(List.of("opus-not-installed")));
        try (Phone advisor = new Phone(ADVISOR)) {
            MediaSession call = withoutOpus.session(InteractionId.of("mixed-without-libopus"));
            call.addRtpLeg("customer", Party.CUSTOMER, opus);
            call.addRtpLeg("advisor", Party.ADVISOR, advisor.offer());
            call.addRtpLeg("supervisor", Party.SUPERVISOR, opus);
            assertThatThrownBy(() -> call.monitor("supervisor", MonitorMode.LISTEN))
                    .isInstanceOf(MediaException.class).hasMessageContaining("libopus");
            assertThatThrownBy(() -> call.monitor("customer", MonitorMode.LISTEN))
                    .isInstanceOf(MediaException.class).hasMessageContaining("only a supervisor leg");
        } finally {
            withoutOpus.close();
        }
    }
}

package org.mvtm.media.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mvtm.media.embedded.LevelPhone.ADVISOR;
import static org.mvtm.media.embedded.LevelPhone.CUSTOMER;
import static org.mvtm.media.embedded.LevelPhone.awaitHears;
import static org.mvtm.media.embedded.LevelPhone.talk;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
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
    private static final short SUPERVISOR = 4000;
    private MediaSession session;

    @BeforeEach
    void start() {
        session = media.session(InteractionId.of("monitored"));
    }

    @Test
    void theSupervisorListensThenWhispersToTheAdvisorThenBargesIn() throws Exception {
        try (LevelPhone customer = new LevelPhone(CUSTOMER); LevelPhone advisor = new LevelPhone(ADVISOR);
             LevelPhone supervisor = new LevelPhone(SUPERVISOR)) {
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
        try (LevelPhone customer = new LevelPhone(CUSTOMER); LevelPhone advisor = new LevelPhone(ADVISOR);
             LevelPhone supervisor = new LevelPhone(SUPERVISOR)) {
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
        try (LevelPhone advisor = new LevelPhone(ADVISOR)) {
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

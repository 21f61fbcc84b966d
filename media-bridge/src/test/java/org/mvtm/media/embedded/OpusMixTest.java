package org.mvtm.media.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mvtm.media.embedded.TonePhone.ADVISOR;
import static org.mvtm.media.embedded.TonePhone.CUSTOMER;
import static org.mvtm.media.embedded.TonePhone.THIRD;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
import org.mvtm.media.api.EmbeddedMediaConfig;
import org.mvtm.media.api.MediaException;
import org.mvtm.media.api.MediaSession;
import org.mvtm.media.api.MonitorMode;
import org.mvtm.media.opus.OpusCodec;

/**
 * Monitoring and a three-way call on Opus legs (what browsers speak by default), with real Opus frames: each phone
 * sings a tone of its own (customer 300 Hz, advisor 700 Hz, supervisor or colleague 1500 Hz) and decodes what it
 * receives, so the tones it hears say whose voices reach it; the relay decodes, mixes and encodes again per listener.
 */
class OpusMixTest {
    private final OpusCodec opus = OpusCodec.load();
    private EmbeddedMediaServer media;

    @AfterEach
    void stop() {
        if (media != null) {
            media.close();
        }
    }

    private MediaSession session(OpusCodec codec) {
        media = new EmbeddedMediaServer(EmbeddedMediaConfig.loopbackAnyPort(), Clock.systemUTC(), codec);
        return media.session(InteractionId.of("opus-call"));
    }

    private TonePhone phone(int hz) throws IOException {
        return TonePhone.opus(opus, hz);
    }

    private static void talk(List<TonePhone> listeners, TonePhone... speakers) throws Exception {
        TonePhone.talk(listeners, speakers);
    }

    @Test
    void theSupervisorListensWhispersAndBargesInOnAnOpusCall() throws Exception {
        MediaSession session = session(opus);
        try (TonePhone customer = phone(CUSTOMER); TonePhone advisor = phone(ADVISOR);
             TonePhone supervisor = phone(THIRD)) {
            LoopbackPhone.monitoredCall(session, customer, advisor, supervisor);
            assertThat(session.cannotMix()).isEmpty();

            session.monitor("supervisor", MonitorMode.LISTEN);
            talk(List.of(customer, advisor, supervisor), customer, advisor, supervisor);
            assertThat(supervisor.heard(CUSTOMER)).as("listening, the supervisor hears the customer").isGreaterThan(20);
            assertThat(supervisor.heard(ADVISOR)).as("and the advisor, in the same frames").isGreaterThan(20);
            assertThat(supervisor.breaks()).as("the mix is one stream: sequence +1, timestamp +960").isLessThanOrEqualTo(1);
            assertThat(customer.heard(THIRD) + advisor.heard(THIRD)).as("nobody hears the supervisor").isLessThan(3);
            assertThat(customer.heard(ADVISOR)).isGreaterThan(20);
            assertThat(advisor.heard(CUSTOMER)).isGreaterThan(20);

            session.monitor("supervisor", MonitorMode.WHISPER);
            talk(List.of(customer, advisor), customer, advisor, supervisor);
            assertThat(advisor.heard(THIRD)).as("the advisor hears the whisper").isGreaterThan(20);
            assertThat(advisor.heard(CUSTOMER)).as("mixed with the customer").isGreaterThan(20);
            assertThat(customer.heard(THIRD)).as("the customer does not hear the whisper").isLessThan(3);
            assertThat(customer.heard(ADVISOR)).isGreaterThan(20);

            session.monitor("supervisor", MonitorMode.BARGE);
            talk(List.of(customer, advisor, supervisor), customer, advisor, supervisor);
            assertThat(customer.heard(THIRD)).as("barging in, the customer hears the supervisor").isGreaterThan(20);
            assertThat(customer.heard(ADVISOR)).as("mixed with the advisor").isGreaterThan(20);
            assertThat(customer.heard(CUSTOMER)).as("but not themselves").isLessThan(3);
            assertThat(supervisor.heard(CUSTOMER) > 20 && supervisor.heard(ADVISOR) > 20).isTrue();
            assertThat(supervisor.heard(THIRD)).isLessThan(3);
        }
    }

    @Test
    void inAThreeWayOpusCallEachHearsTheTwoOthers() throws Exception {
        MediaSession session = session(opus);
        try (TonePhone customer = phone(CUSTOMER); TonePhone advisor = phone(ADVISOR);
             TonePhone colleague = phone(THIRD)) {
            LoopbackPhone.call(session, customer, advisor);
            colleague.joins(session, "colleague", Party.ADVISOR);
            session.connect("advisor", "colleague");

            List<TonePhone> all = List.of(customer, advisor, colleague);
            talk(all, customer, advisor, colleague);
            TonePhone.assertEachHearsTheOthers(all);
        }
    }

    @Test
    void withoutLibopusAnOpusCallIsRefusedMonitoringWithTheReason() throws Exception {
        MediaSession session = session(OpusCodec.load(List.of("opus-not-installed")));
        try (TonePhone customer = phone(CUSTOMER); TonePhone supervisor = phone(THIRD)) {
            session.addRtpLeg("customer", Party.CUSTOMER, customer.offer());
            session.addRtpLeg("supervisor", Party.SUPERVISOR, supervisor.offer());
            assertThat(session.cannotMix()).get().asString().contains("libopus0");
            assertThatThrownBy(() -> session.monitor("supervisor", MonitorMode.LISTEN))
                    .isInstanceOf(MediaException.class).hasMessageContaining("libopus")
                    .hasMessageContaining("contact.media.browser-audio=PCMU");
        }
    }
}

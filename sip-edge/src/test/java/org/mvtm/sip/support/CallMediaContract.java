package org.mvtm.sip.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
import org.mvtm.sip.api.CallMedia;
import org.mvtm.sip.api.LegTakenException;

/**
 * What the SIP edge needs from its media port, run against every implementation: the in-test relay the edge's own
 * tests use ({@code RelayMediaContractTest}) and the server's adapter over the real embedded media bridge
 * ({@code MediaCallMediaContractTest} in server), so a fake cannot pass what the bridge fails (a re-INVITE answered
 * 488 because the re-offer was added as a second leg went unnoticed that way). Each test is a SIP caller and a desk
 * phone, both {@link RtpPhone}s on loopback, through the port.
 */
public abstract class CallMediaContract {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** How long a test listens before it says that nothing arrived. */
    private static final int QUIET_PACKETS = 40;

    protected CallMedia media;
    private final InteractionId call = InteractionId.of("contract-" + UUID.randomUUID());
    private final RtpPhone caller = new RtpPhone();
    private final RtpPhone phone = new RtpPhone();
    private String callerSideSdp;
    private String phoneSideSdp;

    /** A fresh implementation of the port for one test. */
    protected abstract CallMedia newCallMedia() throws Exception;

    /** Frees what {@link #newCallMedia()} made. */
    protected void closeCallMedia() throws Exception {
    }

    @BeforeEach
    void open() throws Exception {
        media = newCallMedia();
    }

    @AfterEach
    void close() throws Exception {
        try {
            media.release(call);
        } finally {
            caller.close();
            phone.close();
            closeCallMedia();
        }
    }

    /** The caller's INVITE answered, the desk phone offered and answered: what the edge does for a connected call. */
    private void connect() {
        callerSideSdp = media.answer(call, Party.CUSTOMER, caller.sdp("sendrecv"));
        phoneSideSdp = media.offer(call, Party.ADVISOR);
        media.applyAnswer(call, Party.ADVISOR, phone.sdp("sendrecv"));
    }

    private static void hears(RtpPhone speaker, String sdpOfItsLeg, RtpPhone listener, String what) {
        listener.resetHearing();
        Thread talk = Thread.ofVirtual().start(() -> speaker.speak(sdpOfItsLeg, 150));
        try {
            await(what).atMost(WAIT).until(() -> listener.packetsHeard() >= 10);
        } finally {
            talk.interrupt();
        }
        assertThat(listener.meanEnergy()).as(what + ": the phone's tone, not music").isGreaterThan(RtpPhone.HEARS_TONE);
    }

    private static void hearsNothingFrom(RtpPhone speaker, String sdpOfItsLeg, RtpPhone listener, String what) {
        listener.resetHearing();
        speaker.speak(sdpOfItsLeg, QUIET_PACKETS);
        pause(300); // what was relayed has arrived on loopback by now
        assertThat(listener.packetsHeard()).as(what).isZero();
    }

    private static void hearsMusic(RtpPhone listener, String what) {
        listener.resetHearing();
        await(what).atMost(WAIT).until(() -> listener.packetsHeard() >= 100 && listener.meanEnergy() > 100);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void anAnsweredCallerAndADeskPhoneHearEachOther() {
        connect();
        assertThat(callerSideSdp).contains("m=audio ").contains("a=sendrecv");
        hears(caller, callerSideSdp, phone, "the desk phone hears the caller");
        hears(phone, phoneSideSdp, caller, "the caller hears the desk phone");
    }

    @Test
    void aReofferOnTheSameLegIsAnsweredOnTheSamePortAndTheMediaFollowsTheNewAddress() {
        connect();
        try (RtpPhone moved = new RtpPhone()) {
            String again = media.reoffer(call, Party.CUSTOMER, moved.sdp("sendrecv"));
            assertThat(RtpPhone.audioPort(again)).as("the caller's leg keeps its port").isEqualTo(RtpPhone.audioPort(callerSideSdp));
            hears(phone, phoneSideSdp, moved, "the caller's new address hears the desk phone");
            hears(moved, again, phone, "the desk phone hears the caller from the new address");
        }
    }

    @Test
    void aCallerWhoHoldsWithSendonlyIsAnsweredRecvonlyAndSentNothingUntilItResumes() {
        connect();
        String held = media.reoffer(call, Party.CUSTOMER, caller.sdp("sendonly"));
        assertThat(held).contains("a=recvonly").doesNotContain("a=sendrecv");
        assertThat(RtpPhone.audioPort(held)).isEqualTo(RtpPhone.audioPort(callerSideSdp));
        hearsNothingFrom(phone, phoneSideSdp, caller, "a caller that offered sendonly is sent nothing");

        String inactive = media.reoffer(call, Party.CUSTOMER, caller.sdp("inactive"));
        assertThat(inactive).contains("a=inactive");

        String resumed = media.reoffer(call, Party.CUSTOMER, caller.sdp("sendrecv"));
        assertThat(resumed).contains("a=sendrecv");
        hears(phone, phoneSideSdp, caller, "the resumed caller hears the desk phone again");
        hears(caller, resumed, phone, "the desk phone hears the resumed caller");
    }

    @Test
    void theAdvisorsHoldPlaysMusicToTheCallerAndResumeBringsBackTwoWayAudio() {
        connect();
        media.hold(call, Party.CUSTOMER, true);
        hearsMusic(caller, "the held caller hears music");
        hearsNothingFrom(caller, callerSideSdp, phone, "the advisor does not hear the held caller");

        media.hold(call, Party.CUSTOMER, false);
        await("the music stops on resume").atMost(WAIT).until(() -> {
            caller.resetHearing();
            pause(QUIET_PACKETS * 20);
            return caller.packetsHeard() == 0;
        });
        hears(phone, phoneSideSdp, caller, "the resumed caller hears the advisor");
        hears(caller, callerSideSdp, phone, "the advisor hears the resumed caller");
    }

    @Test
    void theQueueMusicStopsWhenTheAdvisorAnswers() {
        callerSideSdp = media.answer(call, Party.CUSTOMER, caller.sdp("sendrecv"));
        media.playQueueAnnouncement(call);
        hearsMusic(caller, "the queued caller hears the queue music");
        phoneSideSdp = media.offer(call, Party.ADVISOR);
        media.applyAnswer(call, Party.ADVISOR, phone.sdp("sendrecv"));

        media.stopQueueAnnouncement(call);
        hears(phone, phoneSideSdp, caller, "the answered caller hears the advisor, not the queue music");
    }

    @Test
    void anOfferWithoutACodecTheBridgeTakesIsRefusedAndTheCallGoesOn() {
        String g729 = caller.sdp("sendrecv").replace("RTP/AVP 0", "RTP/AVP 18").replace("a=rtpmap:0 PCMU/8000", "a=rtpmap:18 G729/8000");
        InteractionId other = InteractionId.of("contract-" + UUID.randomUUID());
        assertThatThrownBy(() -> media.answer(other, Party.CUSTOMER, g729)).isInstanceOf(IllegalArgumentException.class);
        media.release(other);

        connect();
        assertThatThrownBy(() -> media.reoffer(call, Party.CUSTOMER, g729)).isInstanceOf(IllegalArgumentException.class);
        hears(phone, phoneSideSdp, caller, "the caller still hears the desk phone after a refused re-offer");
    }

    /**
     * A second offer of the call while the first's advisor leg is still there (a phone another node still rings) is
     * refused as taken and leaves that leg working; once the first offer removes its leg, the next one is made.
     */
    @Test
    void anAdvisorLegStillHeldByAnotherOfferIsRefusedAsTakenAndMadeOnceThatOfferRemovesIt() {
        connect();
        assertThatThrownBy(() -> media.offer(call, Party.ADVISOR)).isInstanceOf(LegTakenException.class);
        hears(phone, phoneSideSdp, caller, "the first offer's phone still reaches the caller");

        media.removeLeg(call, Party.ADVISOR);
        try (RtpPhone next = new RtpPhone()) {
            String nextSdp = media.offer(call, Party.ADVISOR);
            media.applyAnswer(call, Party.ADVISOR, next.sdp("sendrecv"));
            hears(next, nextSdp, caller, "the next offer's phone reaches the caller");
        }
    }

    @Test
    void aReleasedCallRelaysNothingAndReleasingAgainIsHarmless() {
        connect();
        hears(caller, callerSideSdp, phone, "the call works before it ends");
        media.release(call);
        assertThatCode(() -> media.release(call)).doesNotThrowAnyException();
        hearsNothingFrom(caller, callerSideSdp, phone, "nothing is relayed after the end");
    }
}

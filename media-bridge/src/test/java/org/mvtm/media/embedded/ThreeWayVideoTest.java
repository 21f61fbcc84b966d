package org.mvtm.media.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.media.MediaKind;
import org.mvtm.media.api.LegInfo;
import org.mvtm.media.api.MediaSession;
import org.mvtm.media.peer.SyntheticWebRtcPeer;
import org.mvtm.media.sdp.MediaDescription;
import org.mvtm.media.sdp.SessionDescription;

/**
 * A three-way video call of synthetic browsers that each offer one extra receive-only video m-section: every page
 * receives each other participant's camera on a video stream of its own (the SSRCs its answer announced, never two
 * cameras on one), a keyframe request about a stream reaches that stream's sender only, and when the colleague
 * leaves the two who remain are a 1:1 call again. Each camera sends a different number of packets, so the counts
 * per received stream tell whose camera it carries.
 */
class ThreeWayVideoTest extends EmbeddedMediaOnLoopback {
    private static final Duration T = Duration.ofSeconds(10);
    private MediaSession session;
    private SyntheticWebRtcPeer customer;
    private SyntheticWebRtcPeer advisor;
    private SyntheticWebRtcPeer colleague;

    @BeforeEach
    void start() throws IOException {
        session = media.session(InteractionId.of("three-way-video"));
        customer = new SyntheticWebRtcPeer(111, 96);
        advisor = new SyntheticWebRtcPeer(111, 96);
        colleague = new SyntheticWebRtcPeer(111, 96);
    }

    @AfterEach
    void stop() {
        customer.close();
        advisor.close();
        colleague.close();
    }

    @Test
    void eachOfTheThreeReceivesBothOtherCamerasOnStreamsOfTheirOwnAndAfterTheColleagueLeavesOneAgain()
            throws Exception {
        String customerAnswer = join(customer, "customer", Party.CUSTOMER);
        String advisorAnswer = join(advisor, "advisor", Party.ADVISOR);
        String colleagueAnswer = join(colleague, "colleague", Party.ADVISOR);
        session.connect("advisor", "colleague");
        await().atMost(T).until(() -> session.legs().stream().allMatch(LegInfo::connected));

        sendVideo(customer, 20);
        sendVideo(advisor, 40);
        sendVideo(colleague, 60);
        await().atMost(T).until(() -> total(customer) == 100 && total(advisor) == 80 && total(colleague) == 60);
        assertThat(counts(customer)).as("the customer receives the advisor's and the colleague's camera")
                .containsExactlyInAnyOrderElementsOf(List.of(40L, 60L));
        assertThat(counts(advisor)).as("the advisor receives the customer's and the colleague's camera")
                .containsExactlyInAnyOrderElementsOf(List.of(20L, 60L));
        assertThat(counts(colleague)).as("the colleague receives the customer's and the advisor's camera")
                .containsExactlyInAnyOrderElementsOf(List.of(20L, 40L));
        for (var page : List.of(Map.entry(customer, customerAnswer), Map.entry(advisor, advisorAnswer),
                Map.entry(colleague, colleagueAnswer))) {
            assertThat(announcedVideoSsrcs(page.getValue())).as("each stream is one the answer announced, one per m-line")
                    .hasSize(2).containsAll(page.getKey().videoPacketsBySsrc().keySet());
        }

        // the advisor asks for a keyframe of the stream that carries the colleague's camera (60 packets)
        long colleaguesStream = streamWith(advisor, 60);
        customer.feedbackReceived.clear();
        colleague.feedbackReceived.clear();
        advisor.sendPli(colleaguesStream);
        await().atMost(T).until(() -> colleague.feedbackReceived.contains("PLI " + colleague.videoSsrc()));
        assertThat(customer.feedbackReceived).as("the customer's camera was not asked").isEmpty();

        // the colleague leaves: the customer receives the advisor's camera on its main stream, and nothing else
        long customersMainStream = announcedVideoSsrcs(customerAnswer).get(0);
        session.removeLeg("colleague");
        customer.resetStats();
        sendVideo(advisor, 10);
        await().atMost(T).until(() -> total(customer) == 10);
        assertThat(customer.videoPacketsBySsrc()).containsOnlyKeys(customersMainStream);
    }

    @Test
    void aPageWithOneVideoLineKeepsTheFirstCameraInsteadOfTwoInterleavedOnOneStream() throws Exception {
        join(customer, "customer", Party.CUSTOMER);
        join(colleague, "colleague", Party.ADVISOR);
        try (SyntheticWebRtcPeer onePage = new SyntheticWebRtcPeer(111, 96)) {
            onePage.connect(session.addWebRtcLeg("advisor", Party.ADVISOR, onePage.offer(false)), T);
            session.connect("advisor", "colleague");
            await().atMost(T).until(() -> session.legs().stream().allMatch(LegInfo::connected));

            sendVideo(customer, 20);
            await().atMost(T).until(() -> total(onePage) == 20);
            sendVideo(colleague, 60);
            await().atMost(T).until(() -> total(customer) == 60);
            sendVideo(customer, 5);
            await().atMost(T).until(() -> total(onePage) == 25);
            assertThat(counts(onePage)).as("the customer's camera alone, on the one stream").containsExactly(25L);
        }
    }

    private String join(SyntheticWebRtcPeer page, String legId, Party party) throws IOException {
        String answer = session.addWebRtcLeg(legId, party, page.offer(false, 1));
        page.connect(answer, T);
        return answer;
    }

    private static void sendVideo(SyntheticWebRtcPeer page, int packets) throws IOException {
        for (int i = 0; i < packets; i++) {
            page.send(MediaKind.VIDEO, 200, i == 0);
        }
    }

    private static long total(SyntheticWebRtcPeer page) {
        return page.videoPacketsBySsrc().values().stream().mapToLong(Long::longValue).sum();
    }

    private static List<Long> counts(SyntheticWebRtcPeer page) {
        return List.copyOf(page.videoPacketsBySsrc().values());
    }

    private static long streamWith(SyntheticWebRtcPeer page, long packets) {
        return page.videoPacketsBySsrc().entrySet().stream().filter(e -> e.getValue() == packets).findFirst()
                .orElseThrow().getKey();
    }

    /** The SSRC the answer announces on each accepted video m-section, in order. */
    private static List<Long> announcedVideoSsrcs(String answer) {
        return SessionDescription.parse(answer).media().stream()
                .filter(m -> m.kind().filter(k -> k == MediaKind.VIDEO).isPresent() && m.port() != 0)
                .map(MediaDescription::ssrcs).filter(s -> !s.isEmpty()).map(s -> s.get(0)).toList();
    }
}

package org.mvtm.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvtm.core.media.MediaKind;

/**
 * JSEP / RFC 8843 BUNDLE answers to offers captured from the browsers on this machine (src/test/resources/sdp:
 * Firefox ESR 153 and Chromium, with {@code bundlePolicy} max-bundle and balanced, and with two simulcast
 * encodings), each answered as the relay answers a customer or advisor and parsed back.
 */
class BundleNegotiationTest {
    private static final Map<MediaKind, Long> SSRCS = Map.of(MediaKind.AUDIO, 11L, MediaKind.VIDEO, 22L);

    @Test
    void firefoxMaxBundleOfferGetsItsBundleOnlyVideoAccepted() {
        SessionDescription offer = offer("ff-maxbundle.sdp");
        assertThat(offer.media().get(1).port()).isZero();
        assertThat(offer.media().get(1).bundleOnly()).isTrue();

        BundleNegotiation bundle = negotiate(offer);
        SessionDescription answer = SessionDescription.parse(answer(bundle));

        assertThat(bundle.answerGroup()).containsExactly("0", "1");
        assertThat(answer.bundleGroup()).containsExactly("0", "1");
        MediaDescription video = answer.media().get(1);
        assertThat(video.port()).isEqualTo(40000);
        assertThat(video.direction()).isEqualTo("sendrecv");
        assertThat(video.bundleOnly()).isFalse();
        assertThat(video.codecs()).extracting(Codec::key).containsExactly("VP8");
        assertThat(video.ssrcs()).containsExactly(22L);
        // Firefox offers telephone-event only at 8000 Hz, which does not go with Opus
        assertThat(answer.media().get(0).codecs()).extracting(Codec::key).containsExactly("OPUS");
    }

    @Test
    void firefoxAndChromiumOffersOfEveryPolicyAnswerAudioAndVideoOnOneTransport() {
        for (String file : List.of("ff-maxbundle.sdp", "ff-balanced.sdp", "ff-simulcast.sdp", "cr-maxbundle.sdp",
                "cr-simulcast.sdp")) {
            SessionDescription offer = offer(file);
            BundleNegotiation bundle = negotiate(offer);
            SessionDescription answer = SessionDescription.parse(answer(bundle));

            assertThat(answer.media()).as(file).hasSize(2).allSatisfy(m -> {
                assertThat(m.port()).isEqualTo(40000);
                assertThat(m.iceUfrag()).isEqualTo("uf");
                assertThat(m.candidates()).hasSize(2);
            });
            assertThat(answer.bundleGroup()).as(file).containsExactly("0", "1");
            assertThat(answer.media()).extracting(MediaDescription::kind).as(file)
                    .containsExactly(java.util.Optional.of(MediaKind.AUDIO), java.util.Optional.of(MediaKind.VIDEO));
            // the transport is the offerer BUNDLE-tag's
            assertThat(bundle.remoteUfrag()).as(file).isEqualTo(offer.media().get(0).iceUfrag());
            assertThat(bundle.fingerprint()).as(file).isEqualTo(offer.media().get(0).fingerprint());
        }
    }

    @Test
    void onlyTheMidHeaderExtensionIsAnsweredWithTheOfferedId() {
        // Chromium numbers the MID extension 4, Firefox 3: the answer keeps the offerer's id (RFC 8285 section 6)
        for (String file : List.of("ff-maxbundle.sdp", "cr-maxbundle.sdp")) {
            SessionDescription offer = offer(file);
            int offeredId = offer.media().get(1).extension(BundleNegotiation.MID_EXTENSION).orElseThrow().id();
            BundleNegotiation bundle = negotiate(offer);
            SessionDescription answer = SessionDescription.parse(answer(bundle));

            assertThat(bundle.midExtensionId()).as(file).isEqualTo(offeredId);
            assertThat(bundle.acceptedMids()).as(file)
                    .isEqualTo(Map.of("0", MediaKind.AUDIO, "1", MediaKind.VIDEO));
            assertThat(answer.media()).as(file).allSatisfy(m -> assertThat(m.extensions())
                    .containsExactly(new MediaDescription.HeaderExtension(offeredId, "sendrecv",
                            BundleNegotiation.MID_EXTENSION)));
        }
    }

    @Test
    void aSimulcastOfferIsAnsweredWithoutSimulcastSoTheBrowserSendsOneStream() {
        for (String file : List.of("ff-simulcast.sdp", "cr-simulcast.sdp")) {
            SessionDescription offer = offer(file);
            assertThat(offer.media().get(1).rids()).as(file).containsExactly("h", "l");
            assertThat(offer.media().get(1).simulcast()).as(file).isEqualTo("send h;l");

            String answer = answer(negotiate(offer));

            assertThat(answer).as(file).doesNotContain("a=simulcast", "a=rid", "rtp-stream-id");
            assertThat(SessionDescription.parse(answer).media().get(1).port()).as(file).isEqualTo(40000);
        }
    }

    @Test
    void zeroPortWithoutBundleOnlyIsAnM_lineTheOffererDisabledAndStaysRejected() {
        SessionDescription answer = answerToEdited("ff-maxbundle.sdp", "a=bundle-only\r\n", "");

        assertThat(answer.bundleGroup()).containsExactly("0");
        assertThat(answer.media().get(1).port()).isZero();
        assertThat(answer.media().get(1).direction()).isEqualTo("inactive");
        assertThat(answer.media().get(1).mid()).isEqualTo("1");
    }

    @Test
    void aBundleOnlyM_lineOutsideTheBundleGroupIsRejectedAndSoIsEverythingElseOutsideIt() {
        SessionDescription answer = answerToEdited("ff-maxbundle.sdp", "a=group:BUNDLE 0 1", "a=group:BUNDLE 0");

        assertThat(answer.bundleGroup()).containsExactly("0");
        assertThat(answer.media().get(1).port()).isZero();

        SessionDescription second = answerToEdited("cr-maxbundle.sdp", "a=group:BUNDLE 0 1", "a=group:BUNDLE 1");
        assertThat(second.bundleGroup()).containsExactly("1");
        assertThat(second.media().get(0).port()).isZero();
        assertThat(second.media().get(1).port()).isEqualTo(40000);
    }

    @Test
    void anOfferWithoutBundleGetsOnlyItsFirstM_lineBecauseTheRelayHasOneTransportPerLeg() {
        SessionDescription answer = answerToEdited("cr-maxbundle.sdp", "a=group:BUNDLE 0 1\r\n", "");

        assertThat(answer.bundleGroup()).isEmpty();
        assertThat(answer.media()).extracting(MediaDescription::port).containsExactly(40000, 0);
    }

    @Test
    void theAnswererBundleTagIsTheOfferersEvenWhenTheGroupListsItsMidsOutOfM_lineOrder() {
        String reordered = text("cr-maxbundle.sdp").replace("a=group:BUNDLE 0 1", "a=group:BUNDLE 1 0");
        BundleNegotiation bundle = negotiate(SessionDescription.parse(reordered));

        assertThat(bundle.answerGroup()).containsExactly("1", "0");
        assertThat(SessionDescription.parse(answer(bundle)).bundleGroup()).containsExactly("1", "0");
    }

    @Test
    void aSafariStyleOfferWithTheDataChannelAsBundleTagTakesItsTransportFromTheTaggedSection() {
        // Safari and Chromium put m=application first when the page opened a data channel before adding tracks;
        // the relay rejects the data channel but the bundle transport is still the tag's
        String sdp = text("cr-maxbundle.sdp");
        int firstM = sdp.indexOf("m=audio");
        String session = sdp.substring(0, firstM).replace("a=group:BUNDLE 0 1", "a=group:BUNDLE 2 0 1");
        String tagged = "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\n"
                + "a=ice-ufrag:TAGU\r\na=ice-pwd:taggedpasswordtaggedpass\r\n"
                + "a=fingerprint:sha-256 " + SessionDescription.parse(sdp).media().get(0).fingerprint() + "\r\n"
                + "a=setup:actpass\r\na=mid:2\r\na=sctp-port:5000\r\n";
        BundleNegotiation bundle = negotiate(SessionDescription.parse(session + tagged + sdp.substring(firstM)));

        assertThat(bundle.remoteUfrag()).isEqualTo("TAGU");
        assertThat(bundle.answerGroup()).containsExactly("0", "1");
        assertThat(bundle.sections()).extracting(AnswerWriter.Section::accepted).containsExactly(false, true, true);
    }

    @Test
    void anOfferWithoutAudioOrVideoInItsBundleGroupIsRefusedNamingTheGroup() {
        String onlyData = text("cr-maxbundle.sdp").replace("a=group:BUNDLE 0 1", "a=group:BUNDLE 7");
        assertThatThrownBy(() -> negotiate(SessionDescription.parse(onlyData)))
                .isInstanceOf(SdpException.class).hasMessageContaining("BUNDLE group [7]");
    }

    @Test
    void aTaggedSectionWithoutIceCredentialsIsRefusedNamingTheMid() {
        String sdp = Arrays.stream(text("ff-maxbundle.sdp").split("\r\n"))
                .filter(l -> !l.startsWith("a=ice-ufrag") && !l.startsWith("a=ice-pwd"))
                .reduce("", (a, b) -> a + b + "\r\n");
        assertThatThrownBy(() -> negotiate(SessionDescription.parse(sdp)))
                .hasMessage("WebRTC offer m=audio (mid 0) has no a=ice-ufrag/a=ice-pwd");
    }

    @Test
    void aFurtherReceiveOnlyVideoLineShowsAnotherCameraWithItsOwnSsrcAndStream() {
        SessionDescription offer = SessionDescription.parse(withExtraCameras(text("cr-maxbundle.sdp"), 2));
        BundleNegotiation bundle = BundleNegotiation.answer(offer, kind -> List.of(), SSRCS, List.of(33L));
        SessionDescription answer = SessionDescription.parse(answer(bundle));

        assertThat(bundle.extraVideoSsrcs()).as("one SSRC was given, so one extra camera").containsExactly(33L);
        assertThat(answer.bundleGroup()).containsExactly("0", "1", "2");
        MediaDescription main = answer.media().get(1);
        MediaDescription extra = answer.media().get(2);
        assertThat(extra.port()).isEqualTo(40000);
        assertThat(extra.direction()).isEqualTo("sendonly");
        assertThat(extra.ssrcs()).containsOnly(33L);
        assertThat(extra.codecs()).extracting(Codec::payloadType).containsExactly(main.codecs().get(0).payloadType());
        assertThat(answer.media().get(3).port()).as("no SSRC left for a third camera").isZero();
        String text = answer(bundle);
        assertThat(text).as("a stream of its own on the page").contains("a=msid:st-2 video-st-2")
                .contains("a=msid:st video-st");
        assertThat(bundle.negotiated()).extracting(Codec::kind).containsOnlyOnce(MediaKind.VIDEO);
    }

    @Test
    void aFurtherVideoLineThatSendsOrLacksTheMainPayloadTypeIsRejected() {
        String twoCameras = withExtraCameras(text("cr-maxbundle.sdp"), 1);
        String sending = twoCameras.substring(0, twoCameras.lastIndexOf("a=recvonly")) + "a=sendrecv"
                + twoCameras.substring(twoCameras.lastIndexOf("a=recvonly") + "a=recvonly".length());
        String otherPt = twoCameras.substring(0, twoCameras.lastIndexOf("m=video"))
                + twoCameras.substring(twoCameras.lastIndexOf("m=video")).replace("a=rtpmap:96 VP8", "a=rtpmap:96 AV1");
        for (String sdp : List.of(sending, otherPt)) {
            BundleNegotiation bundle = BundleNegotiation.answer(SessionDescription.parse(sdp), kind -> List.of(), SSRCS,
                    List.of(33L));
            assertThat(bundle.extraVideoSsrcs()).isEmpty();
            assertThat(SessionDescription.parse(answer(bundle)).media().get(2).port()).isZero();
        }
    }

    /** The offer with {@code n} more receive-only copies of its video section (mids 2, 3, ...), as call.js adds. */
    private static String withExtraCameras(String sdp, int n) {
        String video = sdp.substring(sdp.indexOf("m=video"));
        StringBuilder b = new StringBuilder(sdp.replace("a=group:BUNDLE 0 1", "a=group:BUNDLE 0 1"
                + " 2 3 4".substring(0, 2 * n)));
        for (int i = 0; i < n; i++) {
            String mid = "a=mid:" + (2 + i);
            b.append(Arrays.stream(video.split("\r\n")).filter(l -> !l.startsWith("a=ssrc") && !l.startsWith("a=msid"))
                    .map(l -> l.equals("a=mid:1") ? mid : l.equals("a=sendrecv") ? "a=recvonly" : l)
                    .reduce("", (x, y) -> x + y + "\r\n"));
        }
        return b.toString();
    }

    private static BundleNegotiation negotiate(SessionDescription offer) {
        return BundleNegotiation.answer(offer, kind -> List.of(), SSRCS);
    }

    private static String answer(BundleNegotiation bundle) {
        return AnswerWriter.webRtcAnswer(1, bundle.answerGroup(), bundle.sections(), new AnswerWriter.Transport(
                "uf", "pw", "AB:CD", List.of("192.0.2.10", "127.0.0.1"), 40000, "cn", "st"));
    }

    /** The relay's answer to {@code offer}, parsed back. */
    /** The answer to the captured offer {@code file} with {@code from} replaced by {@code to}. */
    private static SessionDescription answerToEdited(String file, String from, String to) {
        return answerTo(text(file).replace(from, to));
    }

    private static SessionDescription answerTo(String offer) {
        return SessionDescription.parse(answer(negotiate(SessionDescription.parse(offer))));
    }

    private static SessionDescription offer(String file) {
        return SessionDescription.parse(text(file));
    }

    static String text(String file) {
        try (InputStream in = BundleNegotiationTest.class.getResourceAsStream("/sdp/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /sdp/" + file);
            }
            // browsers end SDP lines with CRLF; a checkout may have turned them into LF
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n")
                    .replace("\n", "\r\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

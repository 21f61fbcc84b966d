package org.mvtm.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mvtm.core.media.MediaKind;

class SdpOfferAnswerTest {
    static final String CHROME_OFFER = String.join("\r\n",
            "v=0",
            "o=- 4611731400430051336 2 IN IP4 127.0.0.1",
            "s=-",
            "t=0 0",
            "a=group:BUNDLE 0 1 2",
            "a=extmap-allow-mixed",
            "a=msid-semantic: WMS stream",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126",
            "c=IN IP4 0.0.0.0",
            "a=rtcp:9 IN IP4 0.0.0.0",
            "a=candidate:1 1 udp 2113937151 127.0.0.1 50000 typ host generation 0",
            "a=ice-ufrag:ufrA",
            "a=ice-pwd:passwordpasswordpassword",
            "a=ice-options:trickle",
            "a=fingerprint:sha-256 AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99",
            "a=setup:actpass",
            "a=mid:0",
            "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
            "a=sendrecv",
            "a=msid:stream track-a",
            "a=rtcp-mux",
            "a=rtpmap:111 opus/48000/2",
            "a=rtcp-fb:111 transport-cc",
            "a=fmtp:111 minptime=10;useinbandfec=1",
            "a=rtpmap:63 red/48000/2",
            "a=rtpmap:9 G722/8000",
            "a=rtpmap:0 PCMU/8000",
            "a=rtpmap:8 PCMA/8000",
            "a=rtpmap:13 CN/8000",
            "a=rtpmap:110 telephone-event/48000",
            "a=rtpmap:126 telephone-event/8000",
            "a=ssrc:1001 cname:abc",
            "m=video 9 UDP/TLS/RTP/SAVPF 96 97 102",
            "c=IN IP4 0.0.0.0",
            "a=ice-ufrag:ufrA",
            "a=ice-pwd:passwordpasswordpassword",
            "a=fingerprint:sha-256 AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99",
            "a=setup:actpass",
            "a=mid:1",
            "a=sendrecv",
            "a=rtcp-mux",
            "a=rtcp-rsize",
            "a=rtpmap:96 VP8/90000",
            "a=rtcp-fb:96 goog-remb",
            "a=rtcp-fb:96 transport-cc",
            "a=rtcp-fb:96 ccm fir",
            "a=rtcp-fb:96 nack",
            "a=rtcp-fb:96 nack pli",
            "a=rtpmap:97 rtx/90000",
            "a=fmtp:97 apt=96",
            "a=rtpmap:102 H264/90000",
            "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f",
            "a=ssrc-group:FID 2001 2002",
            "a=ssrc:2001 cname:abc",
            "a=ssrc:2002 cname:abc",
            "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
            "c=IN IP4 0.0.0.0",
            "a=mid:2",
            "a=sctp-port:5000",
            "") ;

    @Test
    void chromeOfferParsesCodecsIceDtlsAndSsrcs() {
        SessionDescription sdp = SessionDescription.parse(CHROME_OFFER);
        assertThat(sdp.bundleGroup()).containsExactly("0", "1", "2");
        MediaDescription audio = sdp.first(MediaKind.AUDIO).orElseThrow();
        assertThat(audio.codecs()).extracting(Codec::key)
                .containsExactly("OPUS", "RED", "G722", "PCMU", "PCMA", "CN", "TELEPHONE-EVENT", "TELEPHONE-EVENT");
        assertThat(audio.codec(111).orElseThrow().fmtp()).isEqualTo("minptime=10;useinbandfec=1");
        assertThat(audio.iceUfrag()).isEqualTo("ufrA");
        assertThat(audio.fingerprintHash()).isEqualTo("sha-256");
        assertThat(audio.setup()).isEqualTo("actpass");
        assertThat(audio.rtcpMux()).isTrue();
        assertThat(audio.ssrcs()).containsExactly(1001L);
        MediaDescription video = sdp.first(MediaKind.VIDEO).orElseThrow();
        assertThat(video.codec(96).orElseThrow().rtcpFeedback()).contains("nack pli", "ccm fir");
        assertThat(video.ssrcs()).containsExactly(2001L, 2002L);
        assertThat(sdp.media().get(2).kind()).isEmpty();
    }

    @Test
    void codecChoicePrefersWhatTheOtherPartyUses() {
        MediaDescription audio = SessionDescription.parse(CHROME_OFFER).first(MediaKind.AUDIO).orElseThrow();
        assertThat(CodecChooser.choose(audio, List.of()).orElseThrow().key()).isEqualTo("OPUS");
        Codec pcmu = CodecChooser.choose(audio, List.of("PCMU")).orElseThrow();
        assertThat(pcmu.payloadType()).isZero();
        assertThat(CodecChooser.telephoneEvent(audio, pcmu).orElseThrow().payloadType()).isEqualTo(126);
        MediaDescription video = SessionDescription.parse(CHROME_OFFER).first(MediaKind.VIDEO).orElseThrow();
        assertThat(CodecChooser.choose(video, List.of("H264")).orElseThrow().payloadType()).isEqualTo(102);
    }

    @Test
    void webRtcAnswerIsIceLitePassiveBundledAndRejectsTheDataChannel() {
        SessionDescription offer = SessionDescription.parse(CHROME_OFFER);
        MediaDescription audio = offer.media().get(0);
        MediaDescription video = offer.media().get(1);
        String answer = AnswerWriter.webRtcAnswer(1, List.of("0", "1"), List.of(
                new AnswerWriter.Section(audio, List.of(audio.codec(111).orElseThrow()), 11),
                new AnswerWriter.Section(video, List.of(video.codec(96).orElseThrow()), 22),
                new AnswerWriter.Section(offer.media().get(2), List.of(), 0)),
                new AnswerWriter.Transport("uf", "pw", "AB:CD", List.of("192.0.2.10"), 40000, "cn", "st"));
        assertThat(answer).contains("a=ice-lite", "a=group:BUNDLE 0 1\r\n", "a=setup:passive",
                "a=fingerprint:sha-256 AB:CD", "m=audio 40000 UDP/TLS/RTP/SAVPF 111",
                "m=video 40000 UDP/TLS/RTP/SAVPF 96", "a=rtcp-fb:96 nack pli", "a=ssrc:22 cname:cn",
                "a=candidate:1 1 udp 2130706431 192.0.2.10 40000 typ host", "m=application 0 ", "a=rtcp-mux");
        assertThat(answer).doesNotContain("transport-cc", "goog-remb");
        // round trip: the answer parses and says what it chose
        SessionDescription parsed = SessionDescription.parse(answer);
        assertThat(parsed.iceLite()).isTrue();
        assertThat(parsed.first(MediaKind.VIDEO).orElseThrow().codecs()).extracting(Codec::key).containsExactly("VP8");
    }

    @Test
    void sipOfferParsesStaticPayloadTypesWithoutRtpmap() {
        String sip = "v=0\r\no=- 1 1 IN IP4 10.0.0.5\r\ns=-\r\nc=IN IP4 10.0.0.5\r\nt=0 0\r\n"
                + "m=audio 7078 RTP/AVP 8 0 101\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\n";
        MediaDescription audio = SessionDescription.parse(sip).first(MediaKind.AUDIO).orElseThrow();
        assertThat(audio.connectionAddress()).isEqualTo("10.0.0.5");
        assertThat(audio.port()).isEqualTo(7078);
        assertThat(audio.codecs()).extracting(Codec::key).containsExactly("PCMA", "PCMU", "TELEPHONE-EVENT");
    }

    @Test
    void aPhoneIsOfferedOnlyCodecsItCouldHearTheOtherPartyIn() {
        // nobody on the call yet (the normal order: the phone answers before the browser offers): G.711
        assertThat(RtpOfferAnswer.offerCodecs(List.of(), true)).extracting(Codec::key)
                .containsExactly("PCMU", "PCMA", "TELEPHONE-EVENT");
        assertThat(RtpOfferAnswer.offerCodecs(List.of("PCMA"), true)).extracting(Codec::key)
                .containsExactly("PCMA", "PCMU", "TELEPHONE-EVENT");
        // a browser already on Opus (a transfer, a colleague or supervisor on a desk phone): Opus first, relayed as
        // it is to a phone that speaks it; then G.711, which the relay transcodes for a G.711-only phone
        String offer = AnswerWriter.rtpAudio(1, "127.0.0.1", 4000, RtpOfferAnswer.offerCodecs(List.of("OPUS"), true),
                "sendrecv");
        assertThat(offer).contains("m=audio 4000 RTP/AVP 111 110 0 8 101", "a=rtpmap:111 opus/48000/2",
                "a=rtpmap:110 telephone-event/48000", "a=rtpmap:0 PCMU/8000", "a=rtpmap:101 telephone-event/8000");
        // without libopus nothing can be transcoded: Opus only, and a G.711-only phone refuses (488) rather than
        // connecting a silent call
        assertThat(RtpOfferAnswer.offerCodecs(List.of("OPUS"), false)).extracting(Codec::key)
                .containsExactly("OPUS", "TELEPHONE-EVENT");
        // a browser on Opus and a phone on PCMU already: either can be relayed
        assertThat(RtpOfferAnswer.offerCodecs(List.of("OPUS", "PCMU"), false)).extracting(Codec::key)
                .containsExactly("OPUS", "TELEPHONE-EVENT", "PCMU", "PCMA", "TELEPHONE-EVENT");
    }

    @Test
    void malformedSdpIsRejectedNamingTheLine() {
        assertThatThrownBy(() -> SessionDescription.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> SessionDescription.parse("hello")).hasMessageContaining("v=0");
        assertThatThrownBy(() -> SessionDescription.parse("v=0\r\nm=audio x RTP/AVP 0\r\n"))
                .hasMessageContaining("line 2").hasMessageContaining("bad port");
        assertThatThrownBy(() -> SessionDescription.parse("v=0\r\ns=-\r\n")).hasMessageContaining("no m= line");
        assertThatThrownBy(() -> SessionDescription.parse("v=0\r\nthis is not sdp\r\n"))
                .hasMessageContaining("line 2");
    }
}

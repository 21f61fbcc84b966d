package org.mvtm.media.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** RFC 5769 test vectors, and the ICE-lite responder built on them. */
class StunRfc5769VectorsTest {
    static final String PASSWORD = "VOkJxbRl1RmTxUk/WvJxBt";
    static final byte[] SAMPLE_REQUEST = HexFormat.of().parseHex(
            "000100582112a442b7e7a701bc34d686fa87dfae802200105354554e207465737420636c69656e74"
                    + "002400046e0001ff80290008932ff9b151263b36000600096576746a3a68367659202020"
                    + "000800149aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a280280004e57a3bcf");
    static final byte[] SAMPLE_IPV4_RESPONSE = HexFormat.of().parseHex(
            "0101003c2112a442b7e7a701bc34d686fa87dfae8022000b7465737420766563746f7220"
                    + "00200008 0001a147e112a643 000800142b91f599fd9e90c38c7489f92af9ba53f06be7d7 80280004c07d4c96"
                    .replace(" ", ""));

    @Test
    void sampleRequestParsesAndItsIntegrityAndFingerprintVerify() {
        StunMessage m = StunMessage.parse(SAMPLE_REQUEST, 0, SAMPLE_REQUEST.length);
        assertThat(m.type()).isEqualTo(StunMessage.BINDING_REQUEST);
        assertThat(m.username()).isEqualTo("evtj:h6vY");
        assertThat(m.priority()).isEqualTo(0x6e0001ffL);
        assertThat(m.fingerprintValid()).isTrue();
        assertThat(m.integrityValid(StunMessage.shortTermKey(PASSWORD))).isTrue();
        assertThat(m.integrityValid(StunMessage.shortTermKey("wrong"))).isFalse();
    }

    @Test
    void sampleIpv4ResponseDecodesMappedAddressAndVerifies() throws Exception {
        StunMessage m = StunMessage.parse(SAMPLE_IPV4_RESPONSE, 0, SAMPLE_IPV4_RESPONSE.length);
        assertThat(m.type()).isEqualTo(StunMessage.BINDING_SUCCESS);
        assertThat(m.xorMappedAddress()).isEqualTo(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853));
        assertThat(m.integrityValid(StunMessage.shortTermKey(PASSWORD))).isTrue();
        assertThat(m.fingerprintValid()).isTrue();
    }

    @Test
    void writtenResponseEncodesTheSameXorMappedAddressAsTheVectorAndVerifies() throws Exception {
        byte[] txn = Arrays.copyOfRange(SAMPLE_IPV4_RESPONSE, 8, 20);
        byte[] out = new byte[200];
        int n = new StunWriter(out, 0, StunMessage.BINDING_SUCCESS, txn)
                .xorMappedAddress(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853))
                .messageIntegrity(StunMessage.shortTermKey(PASSWORD)).finishWithFingerprint();
        // XOR-MAPPED-ADDRESS attribute of the vector starts at offset 36 (after the 16-byte SOFTWARE attribute)
        assertThat(Arrays.copyOfRange(out, 20, 32)).isEqualTo(Arrays.copyOfRange(SAMPLE_IPV4_RESPONSE, 36, 48));
        StunMessage m = StunMessage.parse(out, 0, n);
        assertThat(m.integrityValid(StunMessage.shortTermKey(PASSWORD))).isTrue();
        assertThat(m.fingerprintValid()).isTrue();
    }

    @Test
    void flippedBitBreaksTheFingerprint() {
        byte[] copy = SAMPLE_REQUEST.clone();
        copy[30] ^= 1;
        StunMessage m = StunMessage.parse(copy, 0, copy.length);
        assertThat(m.fingerprintValid()).isFalse();
        assertThat(m.integrityValid(StunMessage.shortTermKey(PASSWORD))).isFalse();
    }

    @Test
    void truncatedAttributeIsRejectedWithItsOffset() {
        byte[] bad = Arrays.copyOf(SAMPLE_REQUEST, SAMPLE_REQUEST.length);
        bad[23] = (byte) 0x60; // SOFTWARE length 0x60 runs past the end
        assertThatThrownBy(() -> StunMessage.parse(bad, 0, bad.length))
                .hasMessageContaining("runs past the message");
    }

    @Test
    void iceLiteAnswersAValidCheckAndSelectsTheSender() throws Exception {
        IceLiteResponder ice = new IceLiteResponder("evtj", PASSWORD, "h6vY");
        InetSocketAddress from = new InetSocketAddress(InetAddress.getLoopbackAddress(), 5000);
        byte[] out = new byte[512];
        assertThat(ice.handle(SAMPLE_REQUEST, 0, SAMPLE_REQUEST.length, from, Instant.EPOCH, out))
                .isEqualTo(IceLiteResponder.Verdict.ANSWERED);
        StunMessage response = StunMessage.parse(out, 0, ice.responseLength());
        assertThat(response.type()).isEqualTo(StunMessage.BINDING_SUCCESS);
        assertThat(response.transactionId()).isEqualTo(Arrays.copyOfRange(SAMPLE_REQUEST, 8, 20));
        assertThat(response.xorMappedAddress()).isEqualTo(from);
        assertThat(response.integrityValid(StunMessage.shortTermKey(PASSWORD))).isTrue();
        assertThat(ice.selectedAddress()).isEqualTo(from);
        assertThat(ice.lastValidRequest()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void iceLiteRejectsACheckForAnotherUfragWith401AndSelectsNothing() throws Exception {
        IceLiteResponder ice = new IceLiteResponder("other", PASSWORD, null);
        byte[] out = new byte[512];
        InetSocketAddress from = new InetSocketAddress(InetAddress.getLoopbackAddress(), 5000);
        assertThat(ice.handle(SAMPLE_REQUEST, 0, SAMPLE_REQUEST.length, from, Instant.EPOCH, out))
                .isEqualTo(IceLiteResponder.Verdict.REJECTED_UNAUTHORIZED);
        assertThat(StunMessage.parse(out, 0, ice.responseLength()).type()).isEqualTo(StunMessage.BINDING_ERROR);
        assertThat(ice.selectedAddress()).isNull();
        assertThat(ice.lastError()).contains("evtj:h6vY");
    }
}

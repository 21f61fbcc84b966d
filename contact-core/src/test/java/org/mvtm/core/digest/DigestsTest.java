package org.mvtm.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DigestsTest {

    @Test
    void theSipHa1IsTheOneOfRfc2617sExample() {
        assertThat(Digests.sipHa1("Mufasa", "testrealm@host.com", "Circle Of Life"))
                .isEqualTo("939e7578ed9e3c518a452acee763bce9");
    }

    @Test
    void sha256OfATextIsTheStandardsTestVector() {
        // FIPS 180-2 appendix B.1
        assertThat(Digests.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void dataLongerThanOnePieceHashesAsAWhole() {
        byte[] data = new byte[40_000];
        Arrays.fill(data, (byte) 'a');
        assertThat(HexFormat.of().formatHex(Digests.sha256(data)))
                .isEqualTo(HexFormat.of().formatHex(Digests.sha256().digest(data)));
    }
}

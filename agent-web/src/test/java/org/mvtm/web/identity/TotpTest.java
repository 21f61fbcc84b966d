package org.mvtm.web.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6238 appendix B test vectors, and verification on a fixed clock. */
class TotpTest {
    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T={0}s {2}")
    @CsvSource({
            "59,          94287082, HmacSHA1",
            "59,          46119246, HmacSHA256",
            "59,          90693936, HmacSHA512",
            "1111111109,  07081804, HmacSHA1",
            "1111111109,  68084774, HmacSHA256",
            "1111111109,  25091201, HmacSHA512",
            "1111111111,  14050471, HmacSHA1",
            "1111111111,  67062674, HmacSHA256",
            "1111111111,  99943326, HmacSHA512",
            "1234567890,  89005924, HmacSHA1",
            "1234567890,  91819424, HmacSHA256",
            "1234567890,  93441116, HmacSHA512",
            "2000000000,  69279037, HmacSHA1",
            "2000000000,  90698825, HmacSHA256",
            "2000000000,  38618901, HmacSHA512",
            "20000000000, 65353130, HmacSHA1",
            "20000000000, 77737706, HmacSHA256",
            "20000000000, 47863826, HmacSHA512"})
    void rfc6238TestVectors(long seconds, String expected, String algorithm) {
        String seed = switch (algorithm) {
            case "HmacSHA1" -> "12345678901234567890";
            case "HmacSHA256" -> "12345678901234567890123456789012";
            default -> "1234567890123456789012345678901234567890123456789012345678901234";
        };
        long step = Totp.step(Instant.ofEpochSecond(seconds));
        assertThat(Totp.code(seed.getBytes(StandardCharsets.US_ASCII), step, 8, algorithm)).isEqualTo(expected);
    }

    @Test
    void codeOfTheCurrentOrAnAdjacentStepIsAcceptedOnTheInjectedClock() {
        Instant at = Instant.ofEpochSecond(1111111111);
        Totp totp = new Totp(Clock.fixed(at, ZoneOffset.UTC));
        long step = Totp.step(at);
        assertThat(totp.verify(SHA1_SEED, "050471")).as("RFC vector, 6 digits").hasValue(step);
        assertThat(totp.verify(SHA1_SEED, Totp.code(SHA1_SEED, step - 1, 6, "HmacSHA1"))).hasValue(step - 1);
        assertThat(totp.verify(SHA1_SEED, Totp.code(SHA1_SEED, step + 1, 6, "HmacSHA1"))).hasValue(step + 1);
        assertThat(totp.verify(SHA1_SEED, Totp.code(SHA1_SEED, step - 2, 6, "HmacSHA1"))).isEmpty();
        assertThat(totp.verify(SHA1_SEED, "12345")).isEmpty();
        assertThat(totp.verify(SHA1_SEED, "abcdef")).isEmpty();
    }

    @Test
    void secretsTravelAsBase32InTheOtpauthUri() {
        assertThat(Totp.Base32.encode(SHA1_SEED)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.Base32.decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")).isEqualTo(SHA1_SEED);
        assertThat(Totp.otpauthUri("mVTM", "root", SHA1_SEED)).isEqualTo(
                "otpauth://totp/mVTM:root?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=mVTM&algorithm=SHA1&digits=6&period=30");
    }
}

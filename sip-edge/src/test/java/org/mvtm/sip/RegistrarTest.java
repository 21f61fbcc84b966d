package org.mvtm.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.mvtm.core.time.MutableClock;
import org.mvtm.sip.api.RegistrationStores;
import org.mvtm.sip.support.EdgeFixture;
import org.mvtm.sip.support.RawSip;
import org.mvtm.sip.support.SipPeer;

class RegistrarTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    @AutoClose
    final EdgeFixture f = new EdgeFixture(b -> b.tlsPort(-1).nonceLifetime(Duration.ofMinutes(5)), clock,
            RegistrationStores.inMemory());

    /** {@code phone} REGISTERs {@code to} with {@code headers} (Call-ID {@code callId}): the final response. */
    private static String register(SipPeer phone, String callId, String to, int cseq, Map<String, String> headers) {
        phone.raw.send(phone.request("REGISTER", "sip:bank.example", callId, "t-" + callId, to, cseq, headers, null,
                null));
        return phone.raw.finalResponse(3000).orElseThrow();
    }

    @Test
    void registerIsChallengedThenAcceptedWithDigest() {
        try (SipPeer alice = SipPeer.udp(f.udp(), "alice")) {
            String ok = alice.register("alice-secret", 600);
            assertThat(RawSip.status(ok)).as(ok).isEqualTo(200);
            assertThat(RawSip.header(ok, "Contact")).contains("127.0.0.1:" + alice.raw.localPort()).contains("expires=600");
            assertThat(f.registrations.bindings("sip:alice@bank.example", clock.instant())).hasSize(1);
            assertThat(f.edge.metrics().registrations()).isEqualTo(1);
        }
    }

    @Test
    void challengeOffersQopAuthMd5() {
        try (SipPeer alice = SipPeer.udp(f.udp(), "alice")) {
            String challenge = register(alice, "c1", "<sip:alice@bank.example>", 1, Map.of());
            assertThat(RawSip.status(challenge)).isEqualTo(401);
            assertThat(RawSip.header(challenge, "WWW-Authenticate")).contains("Digest").contains("qop=\"auth\"")
                    .contains("realm=\"bank.example\"").contains("algorithm=MD5");
        }
    }

    @Test
    void wrongPasswordIsForbidden() {
        try (SipPeer alice = SipPeer.udp(f.udp(), "alice")) {
            String answer = alice.register("not-her-password", 600);
            assertThat(RawSip.status(answer)).isEqualTo(403);
            assertThat(f.registrations.bindings("sip:alice@bank.example", clock.instant())).isEmpty();
        }
    }

    @Test
    void anAccountWithoutSipCredentialsIsForbiddenWithTheSameReasonAsAWrongPassword() {
        try (SipPeer connie = SipPeer.udp(f.udp(), "connie"); SipPeer alice = SipPeer.udp(f.udp(), "alice")) {
            String noCredentials = connie.register("her-web-password-1", 600);
            String wrongPassword = alice.register("not-her-password", 600);

            assertThat(RawSip.status(noCredentials)).isEqualTo(403);
            assertThat(noCredentials.lines().findFirst().orElseThrow()).endsWith("No SIP credentials for this user or wrong password");
            assertThat(wrongPassword.lines().findFirst()).isEqualTo(noCredentials.lines().findFirst());
            assertThat(f.registrations.bindings("sip:connie@bank.example", clock.instant())).isEmpty();
        }
    }

    @Test
    void replayedNonceCountIsChallengedAgainAsStale() {
        try (SipPeer alice = SipPeer.udp(f.udp(), "alice")) {
            String to = "<sip:alice@bank.example>";
            String challenge = register(alice, "c2", to, 1, Map.of());
            String nonce = SipPeer.param(RawSip.header(challenge, "WWW-Authenticate"), "nonce");
            String creds = alice.digest("REGISTER", "sip:bank.example", "alice-secret", "bank.example", nonce, "00000001");
            Map<String, String> h = new LinkedHashMap<>(Map.of("Authorization", creds));
            assertThat(RawSip.status(register(alice, "c2", to, 2, h))).isEqualTo(200);
            // an eavesdropper replays the same credentials (same nc) in a new transaction
            String replay = register(alice, "c2", to, 3, h);
            assertThat(RawSip.status(replay)).isEqualTo(401);
            assertThat(RawSip.header(replay, "WWW-Authenticate")).containsIgnoringCase("stale=true");
            assertThat(f.edge.metrics().rejected("auth-replay")).isEqualTo(1);
        }
    }

    @Test
    void expiredNonceGetsAStaleChallenge() {
        try (SipPeer alice = SipPeer.udp(f.udp(), "alice")) {
            String to = "<sip:alice@bank.example>";
            String challenge = register(alice, "c3", to, 1, Map.of());
            clock.advance(Duration.ofMinutes(6));
            String creds = alice.authorization(challenge, "WWW-Authenticate", "REGISTER", "sip:bank.example", "alice-secret");
            String stale = register(alice, "c3", to, 2, Map.of("Authorization", creds));
            assertThat(RawSip.status(stale)).isEqualTo(401);
            assertThat(RawSip.header(stale, "WWW-Authenticate")).containsIgnoringCase("stale=true");
        }
    }

    @Test
    void severalContactsPerAddressOfRecordExpireOnTheirOwn() {
        try (SipPeer desk = SipPeer.udp(f.udp(), "alice"); SipPeer softphone = SipPeer.udp(f.udp(), "alice")) {
            assertThat(RawSip.status(desk.register("alice-secret", 60))).isEqualTo(200);
            String second = softphone.register("alice-secret", 3600);
            assertThat(RawSip.status(second)).isEqualTo(200);
            assertThat(second).contains("127.0.0.1:" + desk.raw.localPort()).contains("127.0.0.1:" + softphone.raw.localPort());
            assertThat(f.registrations.bindings("sip:alice@bank.example", clock.instant())).hasSize(2);
            clock.advance(Duration.ofSeconds(61));
            assertThat(f.registrations.bindings("sip:alice@bank.example", clock.instant()))
                    .singleElement().satisfies(b -> assertThat(b.contact()).contains(":" + softphone.raw.localPort()));
        }
    }

    @Test
    void expiresZeroRemovesTheContact() {
        try (SipPeer alice = SipPeer.udp(f.udp(), "alice")) {
            assertThat(RawSip.status(alice.register("alice-secret", 600))).isEqualTo(200);
            assertThat(RawSip.status(alice.register("alice-secret", 0))).isEqualTo(200);
            assertThat(f.registrations.bindings("sip:alice@bank.example", clock.instant())).isEmpty();
        }
    }

    @Test
    void tooBriefIntervalGets423WithMinExpires() {
        try (SipPeer alice = SipPeer.udp(f.udp(), "alice")) {
            String answer = alice.register("alice-secret", 5);
            assertThat(RawSip.status(answer)).isEqualTo(423);
            assertThat(RawSip.header(answer, "Min-Expires")).isEqualTo("30");
        }
    }

    @Test
    void userMayNotRegisterSomeoneElsesAddress() {
        try (SipPeer mallory = SipPeer.udp(f.udp(), "alice")) {
            String to = "<sip:bob@bank.example>";
            String challenge = register(mallory, "c9", to, 1, Map.of());
            String creds = mallory.authorization(challenge, "WWW-Authenticate", "REGISTER", "sip:bank.example", "alice-secret");
            assertThat(RawSip.status(register(mallory, "c9", to, 2, Map.of("Authorization", creds)))).isEqualTo(403);
        }
    }
}

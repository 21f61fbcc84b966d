package org.mvtm.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mvtm.sip.support.EdgeFixture;
import org.mvtm.sip.support.RawSip;

/**
 * RFC 4475 torture messages, one test per file of {@code ../shared/conformance/rfc4475}: the raw bytes go to a
 * running edge unchanged, the answer must be what the RFC section calls for, and a fresh OPTIONS afterwards must
 * still get 200 OK.
 */
class Rfc4475TortureTest {

    /** What the RFC section asks of a UAS/B2BUA for a message. */
    record Expect(String section, Set<Integer> statuses, boolean stream, String why) {
        static Expect status(String section, String why, Integer... s) {
            return new Expect(section, Set.of(s), false, why);
        }

        static Expect dropped(String section, String why) {
            return new Expect(section, Set.of(), false, why);
        }

        Expect overTcp() {
            return new Expect(section, statuses, true, why);
        }

        boolean isDropped() {
            return statuses.isEmpty();
        }
    }

    // The edge under test serves queue "user": a valid INVITE to it is handled by a 407 digest challenge, one to
    // any other user by 404. REGISTERs without credentials get a 401 challenge; unknown methods 501.
    static final Map<String, Expect> EXPECTED = Map.ofEntries(
            Map.entry("wsinv.dat", Expect.status("3.1.1.1", "valid INVITE with a To tag: no such dialog", 481)),
            Map.entry("intmeth.dat", Expect.status("3.1.1.2", "valid request of an unknown method", 501).overTcp()),
            Map.entry("esc01.dat", Expect.status("3.1.1.3", "valid INVITE with escapes", 404)),
            Map.entry("escnull.dat", Expect.status("3.1.1.4", "valid REGISTER with escaped nulls", 401)),
            Map.entry("esc02.dat", Expect.status("3.1.1.5", "valid request of unknown method RE%47IST%45R", 501).overTcp()),
            Map.entry("lwsdisp.dat", Expect.status("3.1.1.6", "valid OPTIONS", 200)),
            Map.entry("longreq.dat", Expect.status("3.1.1.7", "valid INVITE with long values: challenged", 407).overTcp()),
            Map.entry("dblreq.dat", Expect.status("3.1.1.8", "REGISTER handled, trailing octets ignored", 401)),
            Map.entry("semiuri.dat", Expect.status("3.1.1.9", "valid OPTIONS", 200)),
            Map.entry("transports.dat", Expect.status("3.1.1.10", "valid OPTIONS", 200)),
            Map.entry("mpart01.dat", Expect.status("3.1.1.11", "valid MESSAGE; unauthenticated: challenged", 407)),
            Map.entry("unreason.dat", Expect.dropped("3.1.1.12", "valid response without a transaction")),
            Map.entry("noreason.dat", Expect.dropped("3.1.1.13", "valid response without a transaction")),
            Map.entry("badinv01.dat", Expect.status("3.1.2.1", "extraneous header separators", 400)),
            Map.entry("clerr.dat", Expect.status("3.1.2.2", "Content-Length larger than the datagram", 400)),
            Map.entry("ncl.dat", Expect.status("3.1.2.3", "negative Content-Length", 400)),
            Map.entry("scalar02.dat", Expect.status("3.1.2.4", "overlarge scalar fields", 400).overTcp()),
            Map.entry("scalarlg.dat", Expect.dropped("3.1.2.5", "malformed response")),
            Map.entry("quotbal.dat", Expect.status("3.1.2.6", "unterminated quoted string", 400)),
            Map.entry("ltgtruri.dat", Expect.status("3.1.2.7", "<> around the Request-URI", 400)),
            Map.entry("lwsruri.dat", Expect.status("3.1.2.8", "LWS inside the Request-URI", 400)),
            Map.entry("lwsstart.dat", Expect.status("3.1.2.9", "several SP in the request line", 400)),
            Map.entry("trws.dat", Expect.status("3.1.2.10", "SP at the end of the request line", 400).overTcp()),
            Map.entry("escruri.dat", Expect.status("3.1.2.11", "escaped headers in the Request-URI", 400)),
            Map.entry("baddate.dat", Expect.status("3.1.2.12", "bad Date time zone: rejected as a malformed header field", 400)),
            Map.entry("regbadct.dat", Expect.status("3.1.2.13", "name-addr URI with ? not in <>", 400)),
            Map.entry("badaspec.dat", Expect.status("3.1.2.14", "spaces within addr-spec", 400)),
            Map.entry("baddn.dat", Expect.status("3.1.2.15", "non-token characters in display name", 400)),
            Map.entry("badvers.dat", Expect.status("3.1.2.16", "unknown protocol version", 505)),
            Map.entry("mismatch01.dat", Expect.status("3.1.2.17", "CSeq method differs from the start line", 400)),
            Map.entry("mismatch02.dat", Expect.status("3.1.2.18", "unknown method, CSeq mismatch", 400)),
            Map.entry("bigcode.dat", Expect.dropped("3.1.2.19", "response code too large")),
            Map.entry("badbranch.dat", Expect.status("3.2.1", "branch is only the magic cookie: still handled", 200)),
            Map.entry("insuf.dat", Expect.status("3.3.1", "missing required header fields", 400)),
            Map.entry("unkscm.dat", Expect.status("3.3.2", "Request-URI with unknown scheme", 416).overTcp()),
            Map.entry("novelsc.dat", Expect.status("3.3.3", "Request-URI scheme soap.beep not supported", 416).overTcp()),
            Map.entry("unksm2.dat", Expect.status("3.3.4", "REGISTER To is not a SIP URI", 400)),
            Map.entry("bext01.dat", Expect.status("3.3.5", "unsupported Require/Proxy-Require", 420).overTcp()),
            Map.entry("invut.dat", Expect.status("3.3.6", "unknown Content-Type", 415)),
            Map.entry("regaut01.dat", Expect.status("3.3.7", "unknown Authorization scheme: challenge", 401).overTcp()),
            Map.entry("multi01.dat", Expect.status("3.3.8", "several values in single-value fields", 400)),
            Map.entry("mcl01.dat", Expect.status("3.3.9", "several Content-Length values", 400)),
            Map.entry("bcast.dat", Expect.dropped("3.3.10", "200 OK with broadcast Via, no transaction")),
            Map.entry("zeromf.dat", Expect.status("3.3.11", "endpoint processes OPTIONS with Max-Forwards 0", 200)),
            Map.entry("cparam01.dat", Expect.status("3.3.12", "valid REGISTER: challenged", 401)),
            Map.entry("cparam02.dat", Expect.status("3.3.13", "valid REGISTER: challenged", 401)),
            Map.entry("regescrt.dat", Expect.status("3.3.14", "valid REGISTER: challenged", 401)),
            Map.entry("sdp01.dat", Expect.status("3.3.15", "Accept offers nothing we can answer with", 406)),
            Map.entry("inv2543.dat", Expect.status("3.4.1", "RFC 2543 INVITE still handled", 404)),
            Map.entry("test.dat", Expect.dropped("-", "not a SIP request (no version, no Via): nothing to answer to")));

    // A fresh edge per message: the files reuse Via branches (z9hG4bKkdjuw) and jain-sip matches server
    // transactions by branch alone, so on one long-running edge later files would look like retransmissions.
    EdgeFixture fixture;

    @BeforeEach
    void start() {
        // "user" is a queue here, so INVITEs to sip:user@... reach content processing and authentication
        fixture = new EdgeFixture(b -> b.tlsPort(-1).queues(java.util.Set.of("user", "cards")));
    }

    // jain-sip's stopStack() sleeps a fixed second; closing in the background keeps the suite fast, and every
    // close is awaited (ports released) before the class ends
    static final java.util.List<java.util.concurrent.CompletableFuture<Void>> CLOSING =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        EdgeFixture f = fixture;
        CLOSING.add(java.util.concurrent.CompletableFuture.runAsync(f.edge::close, r -> Thread.ofPlatform().daemon().start(r)));
    }

    @AfterAll
    static void awaitClosed() {
        CLOSING.forEach(java.util.concurrent.CompletableFuture::join);
    }

    static Path dir() {
        String shared = System.getProperty("mvtm.shared.dir");
        assertThat(shared).as("system property mvtm.shared.dir (set by surefire)").isNotNull();
        return Path.of(shared, "conformance", "rfc4475");
    }

    static Stream<Arguments> messages() throws IOException {
        try (Stream<Path> files = Files.list(dir())) {
            return files.filter(p -> p.toString().endsWith(".dat")).sorted()
                    .map(p -> Arguments.of(p.getFileName().toString(), p)).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void tortureMessageGetsTheBehaviourItsSectionCallsFor(String file, Path path) throws IOException {
        Expect expect = EXPECTED.get(file);
        assertThat(expect).as("an expectation for " + file + " (add it to EXPECTED)").isNotNull();
        byte[] raw = Files.readAllBytes(path);
        try (RawSip peer = expect.stream() ? RawSip.tcp(fixture.tcp()) : RawSip.udp(fixture.udp())) {
            peer.send(raw);
            if (expect.isDropped()) {
                Optional<String> answer = peer.receive(400);
                assertThat(answer).as(file + " (RFC 4475 " + expect.section() + ", " + expect.why()
                        + ") must be dropped").isEmpty();
            } else {
                Optional<String> answer = peer.finalResponse(3000);
                assertThat(answer).as(file + " (RFC 4475 " + expect.section() + ", " + expect.why()
                        + ") must get a final response").isPresent();
                assertThat(RawSip.status(answer.get())).as(file + " (RFC 4475 " + expect.section() + ", "
                        + expect.why() + "):\n" + answer.get()).isIn(expect.statuses());
                if (RawSip.status(answer.get()) == 420) {
                    assertThat(answer.get()).contains("nothingSupportsThis").contains("noProxiesSupportThis");
                }
            }
            peer.send(peer.options("after-" + file.replace(".dat", "") + "-" + System.nanoTime()));
            Optional<String> ok = peer.finalResponse(3000);
            assertThat(ok).as("OPTIONS after " + file).isPresent();
            assertThat(RawSip.status(ok.get())).as("OPTIONS after " + file + ":\n" + ok.get()).isEqualTo(200);
        }
    }

    @Test
    void everyTortureFileHasAnExpectation() throws IOException {
        try (Stream<Path> files = Files.list(dir())) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".dat")))
                    .allSatisfy(n -> assertThat(EXPECTED).containsKey(n))
                    .hasSizeGreaterThanOrEqualTo(49);
        }
    }
}

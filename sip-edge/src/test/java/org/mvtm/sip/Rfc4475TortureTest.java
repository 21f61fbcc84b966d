package org.mvtm.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mvtm.sip.support.EdgeFixture;
import org.mvtm.sip.support.RawSip;

/**
 * RFC 4475 torture messages, one test per file of {@code ../shared/conformance/rfc4475} (a row of EXPECTED each):
 * the raw bytes go to a running edge unchanged, the answer must be what the RFC section calls for, and a fresh OPTIONS
 * afterwards must still get 200 OK.
 */
class Rfc4475TortureTest {

    /** The transport a message goes over: the long ones, and those that only parse on a stream, over TCP. */
    enum Over {
        UDP,
        TCP
    }

    // What the RFC section asks of a UAS/B2BUA for each message: file | section | final status (none: dropped,
    // no answer) | transport | why. The edge under test serves queue "user": a valid INVITE to it is handled by a 407
    // digest challenge, one to any other user by 404. REGISTERs without credentials get a 401 challenge; unknown
    // methods 501.
    static final String EXPECTED = """
            wsinv.dat      | 3.1.1.1  | 481 | UDP | valid INVITE with a To tag: no such dialog
            intmeth.dat    | 3.1.1.2  | 501 | TCP | valid request of an unknown method
            esc01.dat      | 3.1.1.3  | 404 | UDP | valid INVITE with escapes
            escnull.dat    | 3.1.1.4  | 401 | UDP | valid REGISTER with escaped nulls
            esc02.dat      | 3.1.1.5  | 501 | TCP | valid request of unknown method RE%47IST%45R
            lwsdisp.dat    | 3.1.1.6  | 200 | UDP | valid OPTIONS
            longreq.dat    | 3.1.1.7  | 407 | TCP | valid INVITE with long values: challenged
            dblreq.dat     | 3.1.1.8  | 401 | UDP | REGISTER handled, trailing octets ignored
            semiuri.dat    | 3.1.1.9  | 200 | UDP | valid OPTIONS
            transports.dat | 3.1.1.10 | 200 | UDP | valid OPTIONS
            mpart01.dat    | 3.1.1.11 | 407 | UDP | valid MESSAGE; unauthenticated: challenged
            unreason.dat   | 3.1.1.12 |     | UDP | valid response without a transaction
            noreason.dat   | 3.1.1.13 |     | UDP | valid response without a transaction
            badinv01.dat   | 3.1.2.1  | 400 | UDP | extraneous header separators
            clerr.dat      | 3.1.2.2  | 400 | UDP | Content-Length larger than the datagram
            ncl.dat        | 3.1.2.3  | 400 | UDP | negative Content-Length
            scalar02.dat   | 3.1.2.4  | 400 | TCP | overlarge scalar fields
            scalarlg.dat   | 3.1.2.5  |     | UDP | malformed response
            quotbal.dat    | 3.1.2.6  | 400 | UDP | unterminated quoted string
            ltgtruri.dat   | 3.1.2.7  | 400 | UDP | <> around the Request-URI
            lwsruri.dat    | 3.1.2.8  | 400 | UDP | LWS inside the Request-URI
            lwsstart.dat   | 3.1.2.9  | 400 | UDP | several SP in the request line
            trws.dat       | 3.1.2.10 | 400 | TCP | SP at the end of the request line
            escruri.dat    | 3.1.2.11 | 400 | UDP | escaped headers in the Request-URI
            baddate.dat    | 3.1.2.12 | 400 | UDP | bad Date time zone: rejected as a malformed header field
            regbadct.dat   | 3.1.2.13 | 400 | UDP | name-addr URI with ? not in <>
            badaspec.dat   | 3.1.2.14 | 400 | UDP | spaces within addr-spec
            baddn.dat      | 3.1.2.15 | 400 | UDP | non-token characters in display name
            badvers.dat    | 3.1.2.16 | 505 | UDP | unknown protocol version
            mismatch01.dat | 3.1.2.17 | 400 | UDP | CSeq method differs from the start line
            mismatch02.dat | 3.1.2.18 | 400 | UDP | unknown method, CSeq mismatch
            bigcode.dat    | 3.1.2.19 |     | UDP | response code too large
            badbranch.dat  | 3.2.1    | 200 | UDP | branch is only the magic cookie: still handled
            insuf.dat      | 3.3.1    | 400 | UDP | missing required header fields
            unkscm.dat     | 3.3.2    | 416 | TCP | Request-URI with unknown scheme
            novelsc.dat    | 3.3.3    | 416 | TCP | Request-URI scheme soap.beep not supported
            unksm2.dat     | 3.3.4    | 400 | UDP | REGISTER To is not a SIP URI
            bext01.dat     | 3.3.5    | 420 | TCP | unsupported Require/Proxy-Require
            invut.dat      | 3.3.6    | 415 | UDP | unknown Content-Type
            regaut01.dat   | 3.3.7    | 401 | TCP | unknown Authorization scheme: challenge
            multi01.dat    | 3.3.8    | 400 | UDP | several values in single-value fields
            mcl01.dat      | 3.3.9    | 400 | UDP | several Content-Length values
            bcast.dat      | 3.3.10   |     | UDP | 200 OK with broadcast Via, no transaction
            zeromf.dat     | 3.3.11   | 200 | UDP | endpoint processes OPTIONS with Max-Forwards 0
            cparam01.dat   | 3.3.12   | 401 | UDP | valid REGISTER: challenged
            cparam02.dat   | 3.3.13   | 401 | UDP | valid REGISTER: challenged
            regescrt.dat   | 3.3.14   | 401 | UDP | valid REGISTER: challenged
            sdp01.dat      | 3.3.15   | 406 | UDP | Accept offers nothing we can answer with
            inv2543.dat    | 3.4.1    | 404 | UDP | RFC 2543 INVITE still handled
            test.dat       | -        |     | UDP | not a SIP request (no version, no Via): nothing to answer to
            """;

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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = EXPECTED)
    void tortureMessageGetsTheBehaviourItsSectionCallsFor(String file, String section, Integer status, Over over, String why)
            throws IOException {
        byte[] raw = Files.readAllBytes(dir().resolve(file));
        String what = file + " (RFC 4475 " + section + ", " + why + ")";
        try (RawSip peer = over == Over.TCP ? RawSip.tcp(fixture.tcp()) : RawSip.udp(fixture.udp())) {
            peer.send(raw);
            if (status == null) {
                Optional<String> answer = peer.receive(400);
                assertThat(answer).as(what + " must be dropped").isEmpty();
            } else {
                Optional<String> answer = peer.finalResponse(3000);
                assertThat(answer).as(what + " must get a final response").isPresent();
                assertThat(RawSip.status(answer.get())).as(what + ":\n" + answer.get()).isEqualTo(status);
                if (status == 420) {
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
            Set<String> expected = EXPECTED.lines().map(row -> row.split("\\|")[0].strip()).collect(Collectors.toSet());
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".dat")))
                    .allSatisfy(n -> assertThat(expected).as("an expectation for " + n + " (add a row to EXPECTED)").contains(n))
                    .hasSizeGreaterThanOrEqualTo(49);
        }
    }
}

package org.mvtm.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mvtm.testing.FreePorts.udp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.time.MutableClock;
import org.mvtm.sip.api.AdmissionLimits;
import org.mvtm.sip.api.RegistrationStores;
import org.mvtm.sip.support.EdgeFixture;
import org.mvtm.sip.support.Sipp;

/**
 * Overload like a carrier's proxy: SIPp offers twice the edge's configured capacity (5 new calls a second, clock
 * frozen so the admission is exact whatever the machine's load). The admitted calls all reach the SIPp desk phone and
 * complete; the others are refused at once with 503 and Retry-After; no phone is marked unreachable; and once the
 * load is gone the edge takes calls normally again.
 */
@Tag("peer")
class OverloadTest {
    static final int CAPACITY = 5;
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));
    @AutoClose
    final EdgeFixture f = new EdgeFixture(b -> b.tlsPort(-1).trustedTrunks(Set.of("127.0.0.1"))
            .admission(new AdmissionLimits(CAPACITY, 100, Duration.ofSeconds(30), Duration.ofSeconds(3))),
            clock, RegistrationStores.inMemory());

    @Test
    void twiceTheCapacityGets503WithRetryAfterForTheExcessWhileAdmittedCallsCompleteAndServiceComesBack()
            throws Exception {
        String edge = "127.0.0.1:" + f.udp();
        int recoveryCalls = 3;
        Process phone = Sipp.aliceDeskPhone(edge, CAPACITY + recoveryCalls);
        f.routing.autoOfferTo = AgentId.of("alice");

        // 2 x capacity: every call either completes through the phone or gets 503 with Retry-After (SIPp checks)
        Process overload = Sipp.start("customer_overload.xml", List.of(edge, "-i", "127.0.0.1", "-p",
                Integer.toString(udp()), "-m", Integer.toString(2 * CAPACITY), "-r", Integer.toString(2 * CAPACITY),
                "-s", "cards", "-d", "100", "-mp", Integer.toString(udp())));
        Sipp.assertSucceeded(overload, "SIPp customers at twice the capacity");
        assertThat(f.edge.metrics().rejected("overload-rate")).as("refused with 503").isEqualTo(CAPACITY);
        assertThat(f.edge.metrics().callsAnswered()).as("admitted calls answered").isEqualTo(CAPACITY);
        await().until(() -> f.routing.ended.size() == CAPACITY);
        assertThat(f.edge.metrics().activeCalls()).isZero();
        assertThat(f.routing.declined).as("offers declined (a phone marked unreachable or not answering)").isEmpty();
        assertThat(f.edge.metrics().phoneOffersByOutcome()).containsOnlyKeys("ANSWERED");

        // the load is gone: a second later the edge takes calls again, none refused (customer_uac.xml fails on 503)
        clock.advance(Duration.ofSeconds(1));
        Process after = Sipp.start("customer_uac.xml", List.of(edge, "-i", "127.0.0.1", "-p",
                Integer.toString(udp()), "-m", Integer.toString(recoveryCalls), "-r", "1", "-s", "cards",
                "-d", "100", "-mp", Integer.toString(udp())));
        Sipp.assertSucceeded(after, "SIPp customers after the overload");
        Sipp.assertSucceeded(phone, "SIPp advisor phone");
        assertThat(f.edge.metrics().callsAnswered()).isEqualTo(CAPACITY + recoveryCalls);
        assertThat(f.edge.metrics().rejected("overload-rate")).isEqualTo(CAPACITY);
        assertThat(f.edge.metrics().phoneOffersByOutcome()).containsOnlyKeys("ANSWERED");
    }

    /**
     * The server says the recording of the calls already connected is behind: a new call is refused at once with 503
     * and Retry-After, before it reaches routing or a phone; once the recordings have caught up the next call is
     * answered.
     */
    @Test
    void whileTheRecordingOfConnectedCallsIsBehindANewCallGets503AndTheNextOneAfterItIsAnswered() throws Exception {
        String edge = "127.0.0.1:" + f.udp();
        Process phone = Sipp.aliceDeskPhone(edge, 1);
        f.routing.autoOfferTo = AgentId.of("alice");

        f.recordingBehind.set(true);
        Sipp.assertSucceeded(Sipp.start("customer_overload.xml", List.of(edge, "-i", "127.0.0.1", "-p",
                Integer.toString(udp()), "-m", "1", "-s", "cards", "-d", "100", "-mp",
                Integer.toString(udp()))), "SIPp customer while the recordings are behind");
        assertThat(f.edge.metrics().rejected("overload-recording")).as("refused with 503").isEqualTo(1);
        assertThat(f.routing.enqueued).as("nothing reached routing").isEmpty();
        assertThat(f.edge.metrics().callsAnswered()).isZero();

        f.recordingBehind.set(false);
        Sipp.assertSucceeded(Sipp.start("customer_uac.xml", List.of(edge, "-i", "127.0.0.1", "-p",
                Integer.toString(udp()), "-m", "1", "-s", "cards", "-d", "100", "-mp",
                Integer.toString(udp()))), "SIPp customer once the recordings caught up");
        Sipp.assertSucceeded(phone, "SIPp advisor phone");
        assertThat(f.edge.metrics().callsAnswered()).isEqualTo(1);
        assertThat(f.edge.metrics().rejected("overload-recording")).isEqualTo(1);
    }
}

package org.mvtm.media.embedded;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.media.MediaKind;
import org.mvtm.media.api.MediaServer;
import org.mvtm.media.api.MediaSession;
import org.mvtm.media.peer.SyntheticWebRtcPeer;

/** A 1:1 call of two synthetic browsers through a media server (customer VP8=96, advisor VP8=100). */
final class SyntheticCall implements AutoCloseable {
    final MediaSession session;
    final SyntheticWebRtcPeer customer;
    final SyntheticWebRtcPeer advisor;

    SyntheticCall(MediaServer media, String id) throws IOException {
        this(media, id, new SyntheticWebRtcPeer(111, 96));
    }

    /** With {@code customer} (Opus=111, VP8=96) as the customer's browser: one set to lose packets, say. */
    SyntheticCall(MediaServer media, String id, SyntheticWebRtcPeer customer) throws IOException {
        session = media.session(InteractionId.of(id));
        this.customer = customer;
        advisor = new SyntheticWebRtcPeer(109, 100);
        String a1 = session.addWebRtcLeg("customer", Party.CUSTOMER, customer.offer(false));
        String a2 = session.addWebRtcLeg("advisor", Party.ADVISOR, advisor.offer(false));
        customer.connect(a1, Duration.ofSeconds(10));
        advisor.connect(a2, Duration.ofSeconds(10));
        // the client finishes its handshake one flight before the server does
        await().atMost(Duration.ofSeconds(10)).until(() -> session.legs().stream()
                .allMatch(org.mvtm.media.api.LegInfo::connected));
    }

    void exchange(int packetsEachWay) throws IOException {
        for (int i = 0; i < packetsEachWay; i++) {
            customer.send(MediaKind.AUDIO, 100, false);
            customer.send(MediaKind.VIDEO, 1000, i == 0);
            advisor.send(MediaKind.AUDIO, 100, false);
            advisor.send(MediaKind.VIDEO, 1000, i == 0);
        }
    }

    /** Exchanges {@code packetsEachWay} audio and video packets each way and waits until both peers got them all. */
    void exchangeBothWaysAndWait(int packetsEachWay) throws IOException {
        long customerHad = customer.receivedTotal();
        long advisorHad = advisor.receivedTotal();
        exchange(packetsEachWay);
        await().atMost(Duration.ofSeconds(5)).until(() -> customer.receivedTotal()
                == customerHad + 2L * packetsEachWay && advisor.receivedTotal() == advisorHad + 2L * packetsEachWay);
    }

    @Override
    public void close() {
        customer.close();
        advisor.close();
        session.release();
    }
}

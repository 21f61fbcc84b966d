package org.mvtm.server;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.mvtm.sip.support.RawSip;
import org.mvtm.sip.support.SipPeer;

/**
 * One SIP transaction at a running server over UDP, built by the edge's test peer ({@link SipPeer}) and sent like a
 * UAC would: retransmitted until a final response comes (a busy test machine may drop a datagram).
 */
final class SipProbe {
    private static final String SDP_TYPE = "application/sdp";

    private SipProbe() {
    }

    /** Sends an OPTIONS to {@code sip:host:port} and returns the final response. */
    static String options(String host, int port, Duration timeout) {
        try (SipPeer probe = new SipPeer(RawSip.udp(port), "probe", host)) {
            String target = "sip:" + host + ":" + port;
            return exchange(probe, request(probe, "OPTIONS", target, "<" + target + ">", 1, Map.of(), null), timeout);
        }
    }

    /**
     * REGISTERs {@code user} at {@code domain} with digest authentication (the 401 challenge, then qop=auth
     * credentials) and returns the final response to the authenticated REGISTER (or to the first one if it is final
     * and not a challenge).
     */
    static String register(int port, String domain, String user, String password, Duration timeout) {
        try (SipPeer phone = new SipPeer(RawSip.udp(port), user, domain)) {
            String callId = UUID.randomUUID() + "@127.0.0.1";
            String tag = Long.toHexString(System.nanoTime());
            String uri = "sip:" + domain;
            String to = "<sip:" + user + "@" + domain + ">";
            String first = exchange(phone, phone.request("REGISTER", uri, callId, tag, to, 1,
                    Map.of("Expires", "600"), null, null), timeout);
            if (RawSip.status(first) != 401) {
                return first;
            }
            String credentials = phone.authorization(first, "WWW-Authenticate", "REGISTER", uri, password);
            return exchange(phone, phone.request("REGISTER", uri, callId, tag, to, 2,
                    Map.of("Expires", "600", "Authorization", credentials), null, null), timeout);
        }
    }

    /**
     * Sends an INVITE with an SDP offer and no credentials to {@code sip:<queue>@domain} and returns the final
     * response: a queue that takes callers challenges for credentials (407), an unknown one answers 404. Like a phone,
     * it calls again after the Retry-After of a 503 (the edge refuses new calls for a moment when it is overloaded,
     * as on a busy test machine) until {@code timeout} has passed, and then returns that 503.
     */
    static String inviteQueue(int port, String domain, String queue, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String response = inviteOnce(port, domain, queue, timeout);
            Optional<Long> retryAfter = RawSip.status(response) == 503
                    ? Optional.ofNullable(RawSip.header(response, "Retry-After"))
                            .map(v -> Long.parseLong(v.split("[ ;(]")[0]))
                    : Optional.empty();
            long waitNanos = retryAfter.map(TimeUnit.SECONDS::toNanos).orElse(Long.MAX_VALUE);
            if (retryAfter.isEmpty() || System.nanoTime() + waitNanos > deadline) {
                return response;
            }
            TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
    }

    private static String inviteOnce(int port, String domain, String queue, Duration timeout) {
        try (SipPeer caller = new SipPeer(RawSip.udp(port), "probe", domain)) {
            int local = caller.raw.localPort();
            String sdp = "v=0\r\no=probe 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio " + (local + 2) + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
            String target = "sip:" + queue + "@" + domain;
            return exchange(caller, request(caller, "INVITE", target, "<" + target + ">", 1, Map.of(), sdp), timeout);
        }
    }

    private static String request(SipPeer peer, String method, String uri, String to, int cseq,
                                  Map<String, String> headers, String sdp) {
        return peer.request(method, uri, UUID.randomUUID() + "@127.0.0.1", Long.toHexString(System.nanoTime()), to,
                cseq, headers, sdp == null ? null : SDP_TYPE, sdp);
    }

    /**
     * Sends {@code msg}, retransmitting it every 500 ms like a UAC, until a final response to it arrives (same CSeq:
     * an answer to an earlier request's retransmission is skipped).
     */
    private static String exchange(SipPeer peer, String msg, Duration timeout) {
        String cseq = RawSip.header(msg, "CSeq");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            peer.raw.send(msg);
            Optional<String> answer =
                    peer.raw.next(500, m -> RawSip.status(m) >= 200 && cseq.equals(RawSip.header(m, "CSeq")));
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        throw new AssertionError("no final response within " + timeout + " to\n" + msg);
    }
}

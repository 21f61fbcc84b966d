package org.mvtm.server;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Sends one SIP OPTIONS over UDP and returns the response text (retransmitting like a UAC would). */
final class SipProbe {
    private SipProbe() {
    }

    static String options(String host, int port, Duration timeout) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            int local = socket.getLocalPort();
            String msg = "OPTIONS sip:" + host + ":" + port + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + local + ";branch=z9hG4bK" + UUID.randomUUID().toString().replace("-", "") + ";rport\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "From: <sip:probe@127.0.0.1>;tag=" + Long.toHexString(System.nanoTime()) + "\r\n"
                    + "To: <sip:" + host + ":" + port + ">\r\n"
                    + "Call-ID: " + UUID.randomUUID() + "@127.0.0.1\r\n"
                    + "CSeq: 1 OPTIONS\r\n"
                    + "Content-Length: 0\r\n\r\n";
            return exchange(socket, host, port, msg, timeout);
        }
    }

    /**
     * REGISTERs {@code user} at {@code domain} with digest authentication (the 401 challenge, then qop=auth
     * credentials) and returns the final response to the authenticated REGISTER (or to the first one if it is final
     * and not a challenge).
     */
    static String register(int port, String domain, String user, String password, Duration timeout) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            String callId = UUID.randomUUID() + "@127.0.0.1";
            String tag = Long.toHexString(System.nanoTime());
            String first = exchange(socket, "127.0.0.1", port,
                    registerRequest(socket.getLocalPort(), domain, user, callId, tag, 1, null), timeout);
            if (!first.startsWith("SIP/2.0 401")) {
                return first;
            }
            String challenge = first.lines().filter(l -> l.regionMatches(true, 0, "WWW-Authenticate:", 0, 17)).findFirst()
                    .orElseThrow(() -> new AssertionError("401 without WWW-Authenticate:\n" + first));
            String realm = param(challenge, "realm");
            String nonce = param(challenge, "nonce");
            String uri = "sip:" + domain;
            String cnonce = Long.toHexString(System.nanoTime());
            String ha1 = md5(user + ":" + realm + ":" + password);
            String ha2 = md5("REGISTER:" + uri);
            String response = md5(ha1 + ":" + nonce + ":00000001:" + cnonce + ":auth:" + ha2);
            String auth = "Authorization: Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce
                    + "\", uri=\"" + uri + "\", response=\"" + response + "\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\""
                    + cnonce + "\"\r\n";
            return exchange(socket, "127.0.0.1", port,
                    registerRequest(socket.getLocalPort(), domain, user, callId, tag, 2, auth), timeout);
        }
    }

    /**
     * Sends an INVITE with an SDP offer and no credentials to {@code sip:<queue>@domain} and returns the final
     * response: a queue that takes callers challenges for credentials (407), an unknown one answers 404. Like a phone,
     * it calls again after the Retry-After of a 503 (the edge refuses new calls for a moment when it is overloaded,
     * as on a busy test machine) until {@code timeout} has passed, and then returns that 503.
     */
    static String inviteQueue(int port, String domain, String queue, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String response = inviteOnce(port, domain, queue, timeout);
            Optional<Long> retryAfter = response.startsWith("SIP/2.0 503") ? response.lines()
                    .filter(l -> l.regionMatches(true, 0, "Retry-After:", 0, 12))
                    .map(l -> Long.parseLong(l.substring(12).strip().split("[ ;(]")[0]))
                    .findFirst() : Optional.empty();
            long waitNanos = retryAfter.map(TimeUnit.SECONDS::toNanos).orElse(Long.MAX_VALUE);
            if (retryAfter.isEmpty() || System.nanoTime() + waitNanos > deadline) {
                return response;
            }
            TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
    }

    private static String inviteOnce(int port, String domain, String queue, Duration timeout) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            int local = socket.getLocalPort();
            String sdp = "v=0\r\no=probe 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio " + (local + 2) + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
            String msg = "INVITE sip:" + queue + "@" + domain + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + local + ";branch=z9hG4bK" + UUID.randomUUID().toString().replace("-", "") + ";rport\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "From: <sip:probe@" + domain + ">;tag=" + Long.toHexString(System.nanoTime()) + "\r\n"
                    + "To: <sip:" + queue + "@" + domain + ">\r\n"
                    + "Call-ID: " + UUID.randomUUID() + "@127.0.0.1\r\n"
                    + "CSeq: 1 INVITE\r\n"
                    + "Contact: <sip:probe@127.0.0.1:" + local + ">\r\n"
                    + "Content-Type: application/sdp\r\n"
                    + "Content-Length: " + sdp.getBytes(StandardCharsets.US_ASCII).length + "\r\n\r\n" + sdp;
            return exchange(socket, "127.0.0.1", port, msg, timeout);
        }
    }

    private static String registerRequest(int local, String domain, String user, String callId, String tag, int cseq,
                                          String authorization) {
        return "REGISTER sip:" + domain + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + local + ";branch=z9hG4bK" + UUID.randomUUID().toString().replace("-", "") + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + user + "@" + domain + ">;tag=" + tag + "\r\n"
                + "To: <sip:" + user + "@" + domain + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " REGISTER\r\n"
                + "Contact: <sip:" + user + "@127.0.0.1:" + local + ">\r\n"
                + "Expires: 600\r\n"
                + (authorization == null ? "" : authorization)
                + "Content-Length: 0\r\n\r\n";
    }

    /** Sends {@code msg} to {@code host:port}, retransmitting like a UAC, until a final response arrives. */
    private static String exchange(DatagramSocket socket, String host, int port, String msg, Duration timeout)
            throws Exception {
        byte[] bytes = msg.getBytes(StandardCharsets.US_ASCII);
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buf = new byte[8192];
        while (System.nanoTime() < deadline) {
            socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(host, port)));
            socket.setSoTimeout(500);
            try {
                while (true) {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    socket.receive(p);
                    String res = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
                    if (res.startsWith("SIP/2.0 ") && !res.startsWith("SIP/2.0 1")) {
                        return res;
                    }
                }
            } catch (SocketTimeoutException e) {
                // retransmit
            }
        }
        throw new AssertionError("no final response from " + host + ":" + port + " within " + timeout + " to\n" + msg);
    }

    private static String param(String header, String name) {
        var m = java.util.regex.Pattern.compile(name + "=\"([^\"]*)\"").matcher(header);
        if (!m.find()) {
            throw new AssertionError("no " + name + " in " + header);
        }
        return m.group(1);
    }

    private static String md5(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}

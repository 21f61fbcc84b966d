package org.mvtm.server;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

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
            byte[] bytes = msg.getBytes(StandardCharsets.US_ASCII);
            long deadline = System.nanoTime() + timeout.toNanos();
            byte[] buf = new byte[8192];
            while (System.nanoTime() < deadline) {
                socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(host, port)));
                socket.setSoTimeout(500);
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    socket.receive(p);
                    String res = new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII);
                    if (!res.startsWith("SIP/2.0 1")) {
                        return res;
                    }
                } catch (SocketTimeoutException e) {
                    // retransmit
                }
            }
            throw new AssertionError("no final response to OPTIONS from " + host + ":" + port + " within " + timeout);
        }
    }
}

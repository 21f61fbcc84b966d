package org.mvtm.media.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Test-only SIP UAS over UDP, just enough for a real user agent to call in: answers INVITE with 200 OK carrying the
 * SDP the handler returns (the media bridge's answer), absorbs ACK, answers BYE. Not a SIP stack (sip-edge is).
 */
public final class MiniSipUas implements AutoCloseable {
    private final DatagramSocket socket;
    private final UnaryOperator<String> offerToAnswer;
    private final Thread loop;
    private volatile boolean closed;
    public volatile String lastError;

    public MiniSipUas(UnaryOperator<String> offerToAnswer) throws IOException {
        this.offerToAnswer = offerToAnswer;
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        loop = Thread.ofVirtual().name("mini-sip-uas").start(this::run);
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void run() {
        byte[] buf = new byte[65535];
        while (!closed) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
                handle(new String(buf, 0, p.getLength(), StandardCharsets.UTF_8), p.getSocketAddress());
            } catch (IOException e) {
                return;
            } catch (RuntimeException e) {
                lastError = e.toString();
            }
        }
    }

    private void handle(String message, SocketAddress from) throws IOException {
        int split = message.indexOf("\r\n\r\n");
        String head = split < 0 ? message : message.substring(0, split);
        String body = split < 0 ? "" : message.substring(split + 4);
        String[] lines = head.split("\r\n");
        String method = lines[0].split(" ")[0];
        Map<String, String> h = new LinkedHashMap<>();
        StringBuilder vias = new StringBuilder();
        for (int i = 1; i < lines.length; i++) {
            int c = lines[i].indexOf(':');
            if (c > 0) {
                String name = lines[i].substring(0, c).trim().toLowerCase();
                String value = lines[i].substring(c + 1).trim();
                if (name.equals("via") || name.equals("v")) {
                    vias.append("Via: ").append(value).append("\r\n");
                } else {
                    h.putIfAbsent(name, value);
                }
            }
        }
        switch (method) {
            case "INVITE" -> {
                String answer = offerToAnswer.apply(body);
                reply(from, "200 OK", vias, h, ";tag=uas1", "Contact: <sip:relay@127.0.0.1:" + port() + ">\r\n"
                        + "Content-Type: application/sdp\r\n", answer);
            }
            case "BYE", "OPTIONS", "CANCEL" -> reply(from, "200 OK", vias, h, "", "", "");
            default -> {
                // ACK and responses need no answer
            }
        }
    }

    private void reply(SocketAddress to, String status, StringBuilder vias, Map<String, String> h, String toTag,
                       String extra, String body) throws IOException {
        String toHeader = h.getOrDefault("to", h.get("t"));
        if (!toHeader.contains("tag=")) {
            toHeader += toTag;
        }
        String msg = "SIP/2.0 " + status + "\r\n" + vias
                + "From: " + h.getOrDefault("from", h.get("f")) + "\r\n"
                + "To: " + toHeader + "\r\n"
                + "Call-ID: " + h.getOrDefault("call-id", h.get("i")) + "\r\n"
                + "CSeq: " + h.get("cseq") + "\r\n"
                + extra
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
        byte[] b = msg.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(b, b.length, to));
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
    }
}

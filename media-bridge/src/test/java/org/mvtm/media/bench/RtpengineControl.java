package org.mvtm.media.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** rtpengine's ng control protocol (bencoded dictionaries over UDP): offer, answer, delete. */
final class RtpengineControl implements AutoCloseable {
    private final DatagramSocket socket = new DatagramSocket();
    private final InetSocketAddress ng;

    RtpengineControl(InetSocketAddress ng) throws IOException {
        this.ng = ng;
        socket.setSoTimeout(3000);
    }

    String offer(String callId, String fromTag, String sdp) throws IOException {
        return command(Map.of("command", "offer", "call-id", callId, "from-tag", fromTag, "sdp", sdp));
    }

    String answer(String callId, String fromTag, String toTag, String sdp) throws IOException {
        return command(Map.of("command", "answer", "call-id", callId, "from-tag", fromTag, "to-tag", toTag,
                "sdp", sdp));
    }

    void delete(String callId) throws IOException {
        command(Map.of("command", "delete", "call-id", callId));
    }

    boolean ping() {
        try {
            return command(Map.of("command", "ping")) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private String command(Map<String, String> dict) throws IOException {
        String cookie = UUID.randomUUID().toString().substring(0, 8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((cookie + " d").getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(dict).entrySet()) {
            str(out, e.getKey());
            str(out, e.getValue());
        }
        out.write('e');
        byte[] req = out.toByteArray();
        socket.send(new DatagramPacket(req, req.length, ng));
        byte[] buf = new byte[65535];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        socket.receive(p);
        String reply = new String(buf, 0, p.getLength(), StandardCharsets.UTF_8);
        Map<String, String> r = parseDict(reply.substring(reply.indexOf(' ') + 1));
        if (!"ok".equals(r.get("result")) && !"pong".equals(r.get("result"))) {
            throw new IOException("rtpengine " + dict.get("command") + " failed: " + reply);
        }
        return r.getOrDefault("sdp", r.get("result"));
    }

    private static void str(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeBytes((b.length + ":").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(b);
    }

    /** Parses the top-level dictionary, keeping string values (nested values are skipped). */
    static Map<String, String> parseDict(String s) {
        Map<String, String> m = new LinkedHashMap<>();
        int[] pos = {1};
        while (s.charAt(pos[0]) != 'e') {
            String key = readString(s, pos);
            if (Character.isDigit(s.charAt(pos[0]))) {
                m.put(key, readString(s, pos));
            } else {
                skip(s, pos);
            }
        }
        return m;
    }

    private static String readString(String s, int[] pos) {
        int colon = s.indexOf(':', pos[0]);
        int len = Integer.parseInt(s.substring(pos[0], colon));
        // lengths are in bytes; SDP and keys are ASCII
        String v = s.substring(colon + 1, colon + 1 + len);
        pos[0] = colon + 1 + len;
        return v;
    }

    private static void skip(String s, int[] pos) {
        char c = s.charAt(pos[0]);
        if (c == 'i') {
            pos[0] = s.indexOf('e', pos[0]) + 1;
        } else if (c == 'l' || c == 'd') {
            pos[0]++;
            while (s.charAt(pos[0]) != 'e') {
                if (Character.isDigit(s.charAt(pos[0]))) {
                    readString(s, pos);
                } else {
                    skip(s, pos);
                }
            }
            pos[0]++;
        } else {
            readString(s, pos);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}

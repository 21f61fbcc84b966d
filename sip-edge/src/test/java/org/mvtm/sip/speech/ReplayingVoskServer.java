package org.mvtm.sip.speech;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for a Vosk server that replays a recorded session ({@code src/test/resources/vosk/*.txt}): after the
 * WebSocket handshake it answers each binary audio message with the next recorded {@code "> "} line and the
 * {@code {"eof" : 1}} message with the {@code ">> "} final line, then closes. It checks nothing about the audio
 * (no model runs here); it records what the client sent so a test can check the protocol. Test-only, for the
 * Vosk adapter only.
 */
final class ReplayingVoskServer implements AutoCloseable {
    private final ServerSocket server;
    private final List<String> replies = new ArrayList<>();
    private String finalReply;
    final List<String> textsReceived = new CopyOnWriteArrayList<>();
    volatile int audioBytesReceived;

    ReplayingVoskServer(List<String> recording) throws IOException {
        for (String line : recording) {
            if (line.startsWith(">> ")) {
                finalReply = line.substring(3);
            } else if (line.startsWith("> ")) {
                replies.add(line.substring(2));
            }
        }
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::serve);
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/");
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                session(s);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(Socket s) throws IOException {
        DataInputStream in = new DataInputStream(s.getInputStream());
        OutputStream out = s.getOutputStream();
        String key = null;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            if (line.toLowerCase().startsWith("sec-websocket-key:")) {
                key = line.substring(18).strip();
            }
        }
        String accept;
        try {
            accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(
                    (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        int next = 0;
        while (true) {
            int b0 = in.read();
            if (b0 < 0) {
                return;
            }
            int opcode = b0 & 0x0F;
            int b1 = in.read();
            long len = b1 & 0x7F;
            if (len == 126) {
                len = in.readUnsignedShort();
            } else if (len == 127) {
                len = in.readLong();
            }
            byte[] mask = new byte[4];
            if ((b1 & 0x80) != 0) {
                in.readFully(mask);
            }
            byte[] payload = new byte[(int) len];
            in.readFully(payload);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
            if (opcode == 2) {
                audioBytesReceived += payload.length;
                send(out, 1, replies.get(Math.min(next++, replies.size() - 1)).getBytes(StandardCharsets.UTF_8));
            } else if (opcode == 1) {
                String text = new String(payload, StandardCharsets.UTF_8);
                textsReceived.add(text);
                if (text.replace(" ", "").contains("\"eof\":1")) {
                    send(out, 1, finalReply.getBytes(StandardCharsets.UTF_8));
                    send(out, 8, new byte[] {0x03, (byte) 0xE8});
                }
            } else if (opcode == 8) {
                return;
            }
        }
    }

    private static void send(OutputStream out, int opcode, byte[] payload) throws IOException {
        out.write(0x80 | opcode);
        if (payload.length < 126) {
            out.write(payload.length);
        } else {
            out.write(126);
            out.write(payload.length >> 8);
            out.write(payload.length);
        }
        out.write(payload);
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.mvtm.sip.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Predicate;

/** A raw SIP peer over UDP or TCP: sends bytes as they are and reads whole responses. For tests. */
public final class RawSip implements AutoCloseable {
    private final DatagramSocket udp;
    private final Socket tcp;
    private final InetSocketAddress target;
    private final ByteArrayOutputStream tcpBuffer = new ByteArrayOutputStream();

    private RawSip(DatagramSocket udp, Socket tcp, InetSocketAddress target) {
        this.udp = udp;
        this.tcp = tcp;
        this.target = target;
    }

    public static RawSip udp(int port) {
        try {
            DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return new RawSip(s, null, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RawSip tcp(int port) {
        try {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
            return new RawSip(null, s, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int localPort() {
        return udp != null ? udp.getLocalPort() : tcp.getLocalPort();
    }

    public String transport() {
        return udp != null ? "UDP" : "TCP";
    }

    public void send(byte[] bytes) {
        try {
            if (udp != null) {
                udp.send(new DatagramPacket(bytes, bytes.length, target));
            } else {
                tcp.getOutputStream().write(bytes);
                tcp.getOutputStream().flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void send(String message) {
        send(message.getBytes(StandardCharsets.UTF_8));
    }

    /** The next message received within {@code millis}, or empty. */
    public Optional<String> receive(int millis) {
        try {
            if (udp != null) {
                // like a real phone, ignore empty and blank datagrams (keep-alives, the edge's reachability probe)
                long until = System.nanoTime() + millis * 1_000_000L;
                while (true) {
                    udp.setSoTimeout((int) Math.max(1, (until - System.nanoTime()) / 1_000_000L));
                    byte[] buf = new byte[65536];
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    udp.receive(p);
                    String text = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
                    if (!text.isBlank()) {
                        return Optional.of(text);
                    }
                }
            }
            tcp.setSoTimeout(millis);
            InputStream in = tcp.getInputStream();
            long deadline = System.nanoTime() + millis * 1_000_000L;
            while (true) {
                Optional<String> msg = takeFramed();
                if (msg.isPresent()) {
                    return msg;
                }
                if (System.nanoTime() > deadline) {
                    return Optional.empty();
                }
                byte[] buf = new byte[8192];
                int n = in.read(buf);
                if (n < 0) {
                    return Optional.empty();
                }
                tcpBuffer.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Frames one message from the TCP buffer using Content-Length. */
    private Optional<String> takeFramed() {
        String s = tcpBuffer.toString(StandardCharsets.ISO_8859_1);
        int end = s.indexOf("\r\n\r\n");
        if (end < 0) {
            return Optional.empty();
        }
        int length = 0;
        for (String line : s.substring(0, end).split("\r\n")) {
            String l = line.toLowerCase();
            if (l.startsWith("content-length:") || l.startsWith("l:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        int total = end + 4 + length;
        if (s.length() < total) {
            return Optional.empty();
        }
        byte[] all = tcpBuffer.toByteArray();
        tcpBuffer.reset();
        tcpBuffer.write(all, total, all.length - total);
        return Optional.of(new String(all, 0, total, StandardCharsets.UTF_8));
    }

    /** The next message that is {@code wanted} within {@code millis}, skipping the others. */
    public Optional<String> next(int millis, Predicate<String> wanted) {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            Optional<String> m = receive((int) Math.max(1, deadline - System.currentTimeMillis()));
            if (m.isEmpty() || wanted.test(m.get())) {
                return m;
            }
        }
        return Optional.empty();
    }

    /** The next final (>= 200) response within {@code millis}, skipping provisional ones and requests. */
    public Optional<String> finalResponse(int millis) {
        return next(millis, m -> status(m) >= 200);
    }

    /** The status code of a response, or -1 for a request. */
    public static int status(String message) {
        if (!message.startsWith("SIP/2.0 ")) {
            return -1;
        }
        return Integer.parseInt(message.substring(8, 11));
    }

    /** A header value (first occurrence, case-insensitive name), or null. */
    public static String header(String message, String name) {
        for (String line : message.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
            if (line.isEmpty()) {
                break;
            }
        }
        return null;
    }

    public static String body(String message) {
        int i = message.indexOf("\r\n\r\n");
        return i < 0 ? "" : message.substring(i + 4);
    }

    /** A fresh OPTIONS from this peer. */
    public String options(String callId) {
        String t = transport();
        return "OPTIONS sip:edge@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/" + t + " 127.0.0.1:" + localPort() + ";rport;branch=z9hG4bK" + callId + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:probe@127.0.0.1>;tag=probe\r\n"
                + "To: <sip:edge@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    @Override
    public void close() {
        try {
            if (udp != null) {
                udp.close();
            }
            if (tcp != null) {
                tcp.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

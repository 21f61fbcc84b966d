package org.mvtm.media.dtls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DatagramTransport;

/**
 * Hands DTLS records from a leg's receive loop (which must never run the handshake itself) to the handshake thread,
 * then to {@link PostHandshakeRecords}, and sends their records through the leg's socket. DTLS records are rare (the
 * handshake), so they are copied into the queue; RTP never passes here.
 */
public final class QueueDatagramTransport implements DatagramTransport {
    /** Sends a datagram to the leg's peer. */
    @FunctionalInterface
    public interface Sender {
        void send(byte[] buf, int off, int len) throws IOException;
    }

    private static final byte[] CLOSED = new byte[0];
    private static final int MTU = 1200;
    private final BlockingQueue<byte[]> inbound = new ArrayBlockingQueue<>(64);
    private final Sender sender;
    private volatile boolean closed;

    public QueueDatagramTransport(Sender sender) {
        this.sender = sender;
    }

    /** Called by the receive loop; drops the record if the handshake is not keeping up. */
    public void offer(byte[] buf, int off, int len) {
        if (!closed) {
            inbound.offer(Arrays.copyOfRange(buf, off, off + len));
        }
    }

    /** Whether a record waits to be received; never once the transport is closed. */
    public boolean hasRecords() {
        return !closed && !inbound.isEmpty();
    }

    @Override
    public int getReceiveLimit() {
        return 1500;
    }

    @Override
    public int getSendLimit() {
        return MTU;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        if (closed) {
            throw new IOException("DTLS transport closed");
        }
        try {
            byte[] d = inbound.poll(waitMillis, TimeUnit.MILLISECONDS);
            if (d == null) {
                return -1;
            }
            if (d == CLOSED) {
                throw new IOException("DTLS transport closed");
            }
            int n = Math.min(len, d.length);
            System.arraycopy(d, 0, buf, off, n);
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("DTLS transport closed");
        }
        sender.send(buf, off, len);
    }

    @Override
    public void close() {
        closed = true;
        inbound.clear();
        inbound.offer(CLOSED);
    }

    /** For diagnostics. */
    public static String describe(InetSocketAddress a) {
        return a == null ? "unknown" : a.getAddress().getHostAddress() + ":" + a.getPort();
    }
}

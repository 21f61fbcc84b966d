package org.mvtm.media.dtls;

import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bouncycastle.tls.DTLSTransport;

/**
 * Processes the DTLS records a browser sends after the handshake, on a thread that runs only while some are queued.
 * BouncyCastle handles them inside {@link DTLSTransport#receive}: a retransmission of the client's last flight (it
 * lost our ChangeCipherSpec + Finished) is answered by sending that flight again (RFC 6347 4.2.4; BouncyCastle does
 * so for twice the TCP MSL after the handshake), and a close_notify is answered and closes the transport. No
 * application data flows over DTLS here, so what receive returns is dropped.
 * <p>
 * Until {@link #handshakeDone} the handshake thread receives from the queue. After it, a record offered while no
 * drain runs starts one on {@code threads}: it receives until the queue is empty, lets go, and looks again, so a
 * record offered while it was stopping is not stranded. A receive that fails (close_notify, a fatal alert, the leg
 * closed) ends DTLS for the leg: BouncyCastle has closed the queue, which drops later records, and no drain starts
 * again. The leg itself stays up: if its peer went away, the watchdog fails it when ICE consent expires.
 */
public final class PostHandshakeRecords {
    /** How long one receive waits for a record once the queue looked empty: the drain ends soon after. */
    private static final int WAIT_MILLIS = 1;
    private final QueueDatagramTransport queue;
    private final Executor threads;
    /** Held by the handshake until it is done, by a running drain, and for good once DTLS ended. */
    private final AtomicBoolean draining = new AtomicBoolean(true);
    private final byte[] sink = new byte[1500];
    private volatile DTLSTransport dtls;

    public PostHandshakeRecords(QueueDatagramTransport queue, Executor threads) {
        this.queue = queue;
        this.threads = threads;
    }

    /** Queues a DTLS record from the leg's receive loop; never blocks. */
    public void offer(byte[] buf, int off, int len) {
        queue.offer(buf, off, len);
        startDrainIfNeeded();
    }

    /** Called by the handshake thread when the handshake succeeded: from now on queued records are drained. */
    public void handshakeDone(DTLSTransport transport) {
        dtls = transport;
        draining.set(false);
        startDrainIfNeeded();
    }

    private void startDrainIfNeeded() {
        if (queue.hasRecords() && draining.compareAndSet(false, true)) {
            threads.execute(this::drain);
        }
    }

    private void drain() {
        try {
            do {
                while (queue.hasRecords()) {
                    dtls.receive(sink, 0, sink.length, WAIT_MILLIS);
                    while (dtls.receivePending(sink, 0, sink.length) >= 0) {
                        // the other records of the same datagram; application data (none is expected) is dropped
                    }
                }
                draining.set(false);
            } while (queue.hasRecords() && draining.compareAndSet(false, true));
        } catch (IOException e) {
            // DTLS ended; draining stays held so no drain starts again
        }
    }
}

package org.mvtm.media.embedded;

import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's I/O threads: one NIO selector loop per core ({@code media-io-N}), each serving many legs' non-blocking
 * sockets. A readable socket is drained completely on the loop thread through the leg's pipeline, which never
 * blocks (DTLS records are queued for a virtual thread: the handshake's, then one that runs only while records that
 * arrive after it wait; the recording tap copies and returns, sends are non-blocking).
 * Legs are assigned round-robin.
 */
final class ReceiveLoops implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiveLoops.class);
    private final List<Loop> loops = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();

    ReceiveLoops(int count) {
        for (int i = 0; i < count; i++) {
            loops.add(new Loop("media-io-" + i));
        }
    }

    void register(Leg leg) {
        loops.get(Math.floorMod(next.getAndIncrement(), loops.size())).register(leg);
    }

    /**
     * Wakes every loop: a closed channel that is still registered keeps its port bound until its selector runs
     * again and deregisters it.
     */
    void wakeAll() {
        loops.forEach(l -> l.selector.wakeup());
    }

    @Override
    public void close() {
        loops.forEach(Loop::close);
    }

    private static final class Loop implements Runnable {
        private final Selector selector;
        private final ConcurrentLinkedQueue<Leg> pending = new ConcurrentLinkedQueue<>();
        private final Thread thread;
        private volatile boolean closed;

        Loop(String name) {
            try {
                selector = Selector.open();
            } catch (IOException e) {
                throw new IllegalStateException("cannot open a selector", e);
            }
            thread = Thread.ofPlatform().name(name).daemon(true).start(this);
        }

        void register(Leg leg) {
            pending.add(leg);
            selector.wakeup();
        }

        @Override
        public void run() {
            try {
                while (!closed) {
                    selector.select();
                    Leg added;
                    while ((added = pending.poll()) != null) {
                        try {
                            added.channel.configureBlocking(false);
                            added.channel.register(selector, SelectionKey.OP_READ, added);
                        } catch (IOException | RuntimeException e) {
                            LOG.debug("leg {} closed before it was registered", added.id);
                        }
                    }
                    for (SelectionKey key : selector.selectedKeys()) {
                        Leg leg = (Leg) key.attachment();
                        try {
                            if (key.isValid() && key.isReadable()) {
                                leg.drain();
                            }
                        } catch (CancelledKeyException e) {
                            // leg closed meanwhile
                        } catch (RuntimeException e) {
                            LOG.warn("receive path of leg {} failed", leg.id, e);
                        }
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException | ClosedSelectorException e) {
                if (!closed) {
                    LOG.error("media I/O loop stopped", e);
                }
            }
        }

        void close() {
            closed = true;
            selector.wakeup();
            try {
                thread.join(2000);
                selector.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}

package org.mvtm.media.embedded;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicInteger;
import org.mvtm.media.api.MediaException;

/** Binds one UDP socket per leg inside the configured port range, rotating through it so ports are not reused at once. */
final class PortAllocator {
    private final String bindAddress;
    private final int min;
    private final int max;
    private final AtomicInteger cursor = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();

    PortAllocator(String bindAddress, int min, int max) {
        this.bindAddress = bindAddress;
        this.min = min;
        this.max = max;
    }

    DatagramChannel bind() {
        if (min == 0 && max == 0) {
            return tryBind(0);
        }
        int size = max - min + 1;
        for (int attempt = 0; attempt < size; attempt++) {
            int port = min + Math.floorMod(cursor.getAndIncrement(), size);
            DatagramChannel ch = tryBindOrNull(port);
            if (ch != null) {
                return ch;
            }
        }
        throw new MediaException("no free UDP port in the media range " + min + "-" + max + " on " + bindAddress);
    }

    private DatagramChannel tryBind(int port) {
        DatagramChannel ch = tryBindOrNull(port);
        if (ch == null) {
            throw new MediaException("cannot bind a UDP media port on " + bindAddress);
        }
        return ch;
    }

    private DatagramChannel tryBindOrNull(int port) {
        DatagramChannel ch = null;
        try {
            ch = DatagramChannel.open();
            ch.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
            ch.setOption(StandardSocketOptions.SO_SNDBUF, 1 << 20);
            ch.bind(new InetSocketAddress(bindAddress, port));
            open.incrementAndGet();
            return ch;
        } catch (BindException e) {
            closeQuietly(ch);
            return null;
        } catch (IOException e) {
            closeQuietly(ch);
            throw new MediaException("cannot open a UDP media socket on " + bindAddress + ":" + port, e);
        }
    }

    void release(DatagramChannel ch) {
        if (ch.isOpen()) {
            closeQuietly(ch);
            open.decrementAndGet();
        }
    }

    /** Sockets currently bound by this allocator. */
    int openPorts() {
        return open.get();
    }

    private static void closeQuietly(DatagramChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing a UDP socket does not fail in a way we could act on
            }
        }
    }
}

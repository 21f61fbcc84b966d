package org.mvtm.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A load balancer in front of the nodes, as a bank puts one, for the cluster tests: every new TCP connection goes to
 * the first node in the list that accepts it, so browsers reach node A while it lives and node B once it is dead. It
 * knows nothing of HTTP (WebSockets pass through); a connection whose node dies is closed, as a real balancer does.
 */
final class FrontDoor implements AutoCloseable {
    private final ServerSocket listener;
    private final List<URI> nodes;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private FrontDoor(ServerSocket listener, List<URI> nodes) {
        this.listener = listener;
        this.nodes = nodes;
    }

    static FrontDoor preferring(String... baseUrls) throws IOException {
        ServerSocket listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        FrontDoor door = new FrontDoor(listener, java.util.Arrays.stream(baseUrls).map(URI::create).toList());
        Thread.ofVirtual().name("front-door").start(door::accept);
        return door;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread.ofVirtual().start(() -> forward(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void forward(Socket client) {
        for (URI node : nodes) {
            Socket upstream = new Socket();
            try {
                upstream.connect(new InetSocketAddress(node.getHost(), node.getPort()), 2000);
            } catch (IOException refused) {
                closeQuietly(upstream);
                continue;
            }
            open.add(client);
            open.add(upstream);
            Thread.ofVirtual().start(() -> pipe(upstream, client));
            pipe(client, upstream);
            return;
        }
        closeQuietly(client);
    }

    private void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException gone) {
            // one side closed or died: close both below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        open.forEach(this::closeQuietly);
    }
}

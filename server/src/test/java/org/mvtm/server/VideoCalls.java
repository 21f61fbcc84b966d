package org.mvtm.server;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.mvtm.core.media.MediaKind;
import org.mvtm.media.peer.SyntheticWebRtcPeer;

/**
 * The video share of the capacity benchmark (issue 17 item 5): customers on the customer page's socket who ask for a
 * person by video and console advisors who accept, each side a scripted browser ({@link SyntheticWebRtcPeer}: ICE,
 * DTLS-SRTP, Opus-sized audio at 50 packets/s and VP8-sized video at 1.5 Mbit/s each way, as {@code bench/media.sh}
 * sends), through the server's routing, embedded relay and recording. A SIP leg of the embedded relay carries audio
 * only, so the video calls a bank sizes for (the mobile app's) come this way, not from SIPp. Each call streams once
 * both legs are up and stops before the customer hangs up, so the loss counted is loss in the path.
 */
final class VideoCalls implements AutoCloseable {
    static final String PATH = "browser video (DTLS-SRTP, 1.5 Mbit/s each way) -> server -> console advisors";
    private static final Duration WAIT = Duration.ofMinutes(1);
    private static final int AUDIO_BYTES = 160;
    private static final int VIDEO_BYTES = 1250;
    private static final int VIDEO_PER_TICK = 3; // 3 x 1250 B every 20 ms = 1.5 Mbit/s
    private static final String PASSWORD = "tea-garden-41-river";

    private final List<ServerProcess> nodes;
    private final List<String> advisors;
    private final BlockingQueue<String> freeCustomers = new LinkedBlockingQueue<>();
    private final List<ConsoleSocket> consoles = new ArrayList<>();
    private final Map<String, CompletableFuture<SyntheticWebRtcPeer>> advisorPeers = new ConcurrentHashMap<>();

    private VideoCalls(List<ServerProcess> nodes, List<String> advisors, List<String> customers) {
        this.nodes = nodes;
        this.advisors = advisors;
        this.freeCustomers.addAll(customers);
    }

    /**
     * Console advisors benchvid001..N (video only, same skills as the desk-phone advisors) and customers
     * benchcus001..M, provisioned through the admin API of the first node; every advisor READY on node (i mod nodes).
     */
    static VideoCalls provision(List<ServerProcess> nodes, int advisors, int customers) throws Exception {
        WebSession admin = WebSession.signInOnceLoaded(nodes.get(0).baseUrl(), "admin", "demo1234");
        List<String> advisorNames = new ArrayList<>();
        for (int i = 1; i <= advisors; i++) {
            String name = "benchvid%03d".formatted(i);
            createUser(admin, name, "ADVISOR");
            admin.json(200, "PUT", "/api/admin/advisors/" + name, "{\"region\":\"HK\",\"skills\":["
                    + "{\"skill\":\"lang.en\",\"level\":9},{\"skill\":\"lang.yue\",\"level\":9},"
                    + "{\"skill\":\"product.accounts\",\"level\":9}],"
                    + "\"voiceCapacity\":0,\"videoCapacity\":1,\"chatCapacity\":0}");
            advisorNames.add(name);
        }
        List<String> customerNames = new ArrayList<>();
        for (int i = 1; i <= customers; i++) {
            String name = "benchcus%03d".formatted(i);
            createUser(admin, name, "CUSTOMER");
            customerNames.add(name);
        }
        VideoCalls calls = new VideoCalls(nodes, advisorNames, customerNames);
        for (int i = 0; i < advisorNames.size(); i++) {
            calls.ready(nodes.get(i % nodes.size()), advisorNames.get(i));
        }
        return calls;
    }

    private static void createUser(WebSession admin, String name, String role) throws Exception {
        admin.json(201, "POST", "/api/admin/users", """
                {"username":"%s","roles":["%s"],"regions":["HK"],"language":"en","password":"%s"}"""
                .formatted(name, role, PASSWORD));
    }

    List<String> advisors() {
        return advisors;
    }

    /** The advisor's console: READY, then each offer accepted, its video leg connected, and each wrap-up finished. */
    private void ready(ServerProcess node, String name) throws Exception {
        ConsoleSocket console = CapacityBenchmark.readyConsole(node, name, PASSWORD);
        consoles.add(console);
        Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    String id = console.await("offer", m -> true, Duration.ofDays(1)).path("customer")
                            .path("interactionId").asString();
                    CompletableFuture<SyntheticWebRtcPeer> leg = advisorPeers.computeIfAbsent(id, k -> new CompletableFuture<>());
                    try (SyntheticWebRtcPeer peer = new SyntheticWebRtcPeer(109, 100)) {
                        console.send("{\"type\":\"accept\",\"interactionId\":\"" + id + "\"}");
                        console.await("connected", m -> m.path("customer").path("interactionId").asString().equals(id), WAIT);
                        console.send(WebSession.JSON.createObjectNode().put("type", "sdp-offer").put("interactionId", id)
                                .put("sdp", peer.offer(false)).toString());
                        String answer = console.await("sdp-answer", m -> m.path("interactionId").asString().equals(id), WAIT)
                                .path("sdp").asString();
                        peer.connect(answer, Duration.ofSeconds(30));
                        leg.complete(peer);
                        console.await("ended", m -> true, Duration.ofMinutes(5));
                    } catch (Exception | AssertionError e) {
                        leg.completeExceptionally(e);
                    }
                    console.await("presence", m -> m.path("state").asString().equals("WRAP_UP"), WAIT);
                    console.send("{\"type\":\"wrapup\",\"code\":\"RESOLVED\",\"notes\":\"bench\"}");
                }
            } catch (Exception | AssertionError closed) {
                // the console closed at the end of the run
            }
        });
    }

    /**
     * {@code calls} video calls started at {@code rate} per second, each streaming for {@code holdMs} once both legs
     * are up; waits for all of them.
     */
    CapacityBenchmark.Result run(double rate, int calls, int holdMs) throws Exception {
        AtomicLong toAdvisorSent = new AtomicLong();
        AtomicLong toAdvisorReceived = new AtomicLong();
        AtomicLong toCustomerSent = new AtomicLong();
        AtomicLong toCustomerReceived = new AtomicLong();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger up = new AtomicInteger();
        AtomicInteger mostUp = new AtomicInteger();
        List<Double> setUpMs = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            long due = t0 + (long) (i * 1e9 / rate);
            Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
            ServerProcess node = nodes.get(i % nodes.size());
            threads.add(Thread.ofVirtual().start(() -> {
                String customer = null;
                try {
                    customer = freeCustomers.poll(2, TimeUnit.MINUTES);
                    if (customer == null) {
                        throw new IllegalStateException("no free customer account");
                    }
                    long asked = System.nanoTime();
                    try (ConsoleSocket page = ConsoleSocket.open(WebSession.signIn(node.baseUrl(), customer, PASSWORD),
                            "/ws/customer");
                         SyntheticWebRtcPeer peer = new SyntheticWebRtcPeer(111, 96)) {
                        page.send("{\"type\":\"hello\",\"language\":\"en\",\"conversationId\":\"\"}");
                        page.await("welcome", m -> true, WAIT);
                        page.send("{\"type\":\"person\",\"channel\":\"VIDEO\"}");
                        String id = page.await("status", m -> m.path("status").asString().equals("CONNECTED"),
                                Duration.ofMinutes(2)).path("interactionId").asString();
                        page.send(WebSession.JSON.createObjectNode().put("type", "sdp-offer").put("sdp", peer.offer(false))
                                .toString());
                        peer.connect(page.await("sdp-answer", m -> true, WAIT).path("sdp").asString(), Duration.ofSeconds(30));
                        SyntheticWebRtcPeer advisor = advisorPeers.computeIfAbsent(id, k -> new CompletableFuture<>())
                                .get(1, TimeUnit.MINUTES);
                        setUpMs.add((System.nanoTime() - asked) / 1e6);
                        mostUp.accumulateAndGet(up.incrementAndGet(), Math::max);
                        Thread.sleep(500); // the relay's side of both DTLS handshakes has finished
                        long[] sent = stream(peer, advisor, holdMs);
                        Thread.sleep(300); // the last packets reach their end
                        toAdvisorSent.addAndGet(sent[0]);
                        toCustomerSent.addAndGet(sent[1]);
                        toAdvisorReceived.addAndGet(advisor.receivedTotal());
                        toCustomerReceived.addAndGet(peer.receivedTotal());
                        up.decrementAndGet();
                        advisorPeers.remove(id);
                        page.send("{\"type\":\"hangup\"}");
                        page.await("status", m -> m.path("status").asString().equals("ENDED"), WAIT);
                        ok.incrementAndGet();
                    }
                } catch (Exception | AssertionError e) {
                    failures.add(e.toString());
                } finally {
                    if (customer != null) {
                        freeCustomers.add(customer);
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join(Duration.ofMinutes(10));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!failures.isEmpty()) {
            System.err.println("video calls failed: " + failures.size() + ", first: " + failures.get(0));
        }
        double[] sorted = setUpMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new CapacityBenchmark.Result(PATH, (int) Math.round(rate), ok.get(), calls - ok.get(), seconds,
                org.mvtm.sip.bench.SipEdgeBenchmark.percentile(sorted, 50),
                org.mvtm.sip.bench.SipEdgeBenchmark.percentile(sorted, 99), mostUp.get(), Double.NaN,
                new MediaCounters.Loss(toAdvisorSent.get(), toAdvisorReceived.get(), toCustomerSent.get(),
                        toCustomerReceived.get()));
    }

    /** Both peers send audio and video every 20 ms for {@code ms}; the packets each sent, customer first. */
    private static long[] stream(SyntheticWebRtcPeer customer, SyntheticWebRtcPeer advisor, int ms) throws Exception {
        customer.resetStats();
        advisor.resetStats();
        long[] sent = new long[2];
        long start = System.nanoTime();
        for (int tick = 0; tick < ms / 20; tick++) {
            long due = start + tick * 20_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            sent[0] += send(customer);
            sent[1] += send(advisor);
        }
        return sent;
    }

    private static int send(SyntheticWebRtcPeer peer) throws IOException {
        peer.send(MediaKind.AUDIO, AUDIO_BYTES, false);
        for (int v = 0; v < VIDEO_PER_TICK; v++) {
            peer.send(MediaKind.VIDEO, VIDEO_BYTES, false);
        }
        return 1 + VIDEO_PER_TICK;
    }

    @Override
    public void close() {
        consoles.forEach(ConsoleSocket::close);
    }
}

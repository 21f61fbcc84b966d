package org.mvtm.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.mvtm.sip.bench.SipEdgeBenchmark;
import org.mvtm.testing.FreePorts;

/**
 * The whole server's capacity, the figure a bank sizes by (bench/capacity.sh, issue 21 item 3 and issue 17 item 5):
 * the real server on embedded defaults (routing engine, embedded media relay answering SDP with real ports,
 * recording store on), N advisors provisioned through the admin API with desk-phone SIP passwords, all registered by
 * ONE answering SIPp instance from an injection file and made READY from their consoles (which also finish each
 * wrap-up at once), then SIPp customers on a trusted trunk calling queue "general" with PCMU RTP both ways for a hold
 * time. Each step runs the same scenario on three paths, one after another: SIPp straight to a SIPp phone, SIPp through
 * Kamailio (stateful, record-routed) with rtpengine anchoring the media to a SIPp phone (the open-source anchors),
 * then through the server; it records the load average before the step and, per path, the RTP packets each end sent
 * and received ({@link MediaCounters}): the media loss. Each end plays its audio once, for the hold time less a
 * margin, so no packet is in flight when the BYE tears the call down and the loss counted is loss in the path. With
 * NODES=2 the steps then run against two nodes on one redis-server and one PostgreSQL ({@link TwoNodeReport}). Not
 * a test: a main run by bench/capacity.sh, which fails (non-zero) when the server does not start or no call gets
 * through.
 */
public final class CapacityBenchmark {
    /**
     * The edge's lateness limit as shipped (ServerProcess relaxes it for the tests): the node sheds new calls once a
     * hand-over waits longer, as it would in production, and the figures in docs/benchmarks.md were measured so.
     */
    private static final String SHIPPED_QUEUE_DELAY = "--contact.sip.max-queue-delay=250ms";
    private static final String SHIPPED_RECORDING_LAG = "--contact.sip.max-recording-lag=5s";

    private static final Duration WAIT = Duration.ofMinutes(5);

    record Result(String path, int rate, long ok, long failed, double seconds, double p50, double p99, long maxConcurrent,
                  double cpuMsPerCall, MediaCounters.Loss loss) {
        double cps() {
            return (ok + failed) / seconds;
        }
    }

    record Step(int rate, String uptime, List<Result> results) {
    }

    /**
     * Where the customers call: the path's name, its SIP addresses (the customers split evenly between them), the
     * phone's media port and the middle's CPU.
     */
    record Target(String path, List<String> addresses, int phoneMediaPort, Supplier<Duration> cpu) {
    }

    /**
     * The SIPp scenarios of the run (the answering phone, the calling customer, the phones' registration) and the
     * browser video calls added to each step, in percent of its SIP calls.
     */
    record Scenarios(Path phone, Path customer, Path register, int videoPercent) {
    }

    /** One deployment's steps, the recordings its compliance officer finds and its log's warnings. */
    record Phase(List<Step> steps, RecordingsFound recordings, String problems) {
    }

    static final String THROUGH_SERVER = "SIPp -> server (routing, relay, recording) -> SIPp phones";
    static final String THROUGH_TWO_NODES = "SIPp -> two server nodes (one redis-server, one PostgreSQL) -> SIPp phones";
    private static final String CLUSTER_SECRET = "capacity-bench-secret-0123456789";

    /**
     * Usage: CapacityBenchmark ADVISORS RATES SECONDS HOLD_MS PAGE COMMAND [NODES] [VIDEO_PERCENT]; with NODES=2 the
     * same steps run again against two nodes on one redis-server and one PostgreSQL after the single node, customers
     * split evenly between the nodes, and the page gives the scaling ratio. VIDEO_PERCENT (default 10) more calls per
     * step, on top of the SIP calls and at the same time, are browser video calls ({@link VideoCalls}).
     */
    public static void main(String[] args) throws Exception {
        int advisors = Integer.parseInt(args[0]);
        List<Integer> rates = Arrays.stream(args[1].split(",")).map(Integer::parseInt).toList();
        int seconds = Integer.parseInt(args[2]);
        int holdMs = Integer.parseInt(args[3]);
        Path page = Path.of(args[4]);
        String command = args[5];
        int nodes = args.length > 6 ? Integer.parseInt(args[6]) : 1;
        int videoPercent = args.length > 7 ? Integer.parseInt(args[7]) : 10;
        Path dir = Files.createTempDirectory("mvtm-capacity");
        int playMs = holdMs - Math.min(500, holdMs / 5);
        Path phoneScenario = scenario(dir, "phone-answer.xml", media(dir, "phone.pcmu", MediaCounters.PHONE_MARK, playMs));
        // named customer_uac so SIPp's statistics files are the ones SipEdgeBenchmark reads
        Path customerScenario = dir.resolve("customer_uac.xml");
        Files.move(scenario(dir, "trunk-customer-call.xml", media(dir, "customer.pcmu", MediaCounters.CUSTOMER_MARK,
                playMs)), customerScenario);
        Scenarios scenarios = new Scenarios(phoneScenario, customerScenario,
                SipJourneyTest.scenario(dir, "phones-register.xml", dir.resolve("phone.pcmu")), videoPercent);

        Phase one;
        Phase two = null;
        String notCounted;
        try (MediaCounters counters = MediaCounters.open()) {
            notCounted = counters.unavailable();
            Path oneDir = Files.createDirectories(dir.resolve("one-node"));
            try (ServerProcess server = ServerProcess.start(oneDir, "--contact.sip.trusted-trunks=127.0.0.1",
                    "--contact.sip.max-calls-per-second=100000", SHIPPED_QUEUE_DELAY,
                    SHIPPED_RECORDING_LAG)) {
                server.awaitHealthy(WAIT);
                one = serve(oneDir, List.of(server), advisors, rates, seconds, holdMs, scenarios, counters);
            }
            if (nodes == 2) {
                two = onTwoNodes(Files.createDirectories(dir.resolve("two-nodes")), advisors, rates, seconds, holdMs,
                        scenarios, counters);
            }
        }
        String problems = (notCounted == null ? "" : "\nMedia loss not measured: " + notCounted + ".\n") + one.problems();
        String md = report(command, advisors, holdMs, playMs, seconds, scenarios.videoPercent(), one.steps(),
                one.recordings()) + problems;
        if (two != null) {
            md += TwoNodeReport.report(advisors, one.steps(), two);
        }
        // the hand-written reading of the earlier run stays below until someone reads the new figures
        Files.writeString(page, SipEdgeBenchmark.withEarlierReading(page, md));
        System.out.println("wrote " + page);
        if (throughServer(one.steps()) == 0) {
            System.err.println("no call got through the server: see " + dir);
            System.exit(2);
        }
    }

    /** Two nodes sharing one redis-server and one PostgreSQL (the first seeds the demo into it), as a bank runs them. */
    static Phase onTwoNodes(Path dir, int advisors, List<Integer> rates, int seconds, int holdMs, Scenarios scenarios,
                            MediaCounters counters) throws Exception {
        try (org.mvtm.testing.RedisServerProcess redis = org.mvtm.testing.RedisServerProcess.start();
             org.mvtm.admin.PostgresProcess postgres = org.mvtm.admin.PostgresProcess.start()) {
            org.mvtm.admin.api.DatabaseSettings db = postgres.newDatabase();
            try (ServerProcess a = clusterNode(Files.createDirectories(dir.resolve("a")), "node-a", redis, db)) {
                a.awaitHealthy(WAIT);
                try (ServerProcess b = clusterNode(Files.createDirectories(dir.resolve("b")), "node-b", redis, db)) {
                    b.awaitHealthy(WAIT);
                    return serve(dir, List.of(a, b), advisors, rates, seconds, holdMs, scenarios, counters);
                }
            }
        }
    }

    static ServerProcess clusterNode(Path dir, String id, org.mvtm.testing.RedisServerProcess redis,
                                     org.mvtm.admin.api.DatabaseSettings db) throws Exception {
        return ServerProcess.startNode(dir, id, redis, CLUSTER_SECRET, ServerProcess.onDatabase(db,
                "--contact.sip.trusted-trunks=127.0.0.1", "--contact.sip.max-calls-per-second=100000",
                SHIPPED_QUEUE_DELAY, SHIPPED_RECORDING_LAG));
    }

    /**
     * The steps against one deployment: advisors provisioned through the first node, all desk phones registered by
     * one SIPp instance, each advisor's console on node (i mod nodes). On one node each step runs the anchors first;
     * on several nodes the customers split evenly between them.
     */
    static Phase serve(Path dir, List<ServerProcess> nodes, int advisors, List<Integer> rates, int seconds, int holdMs,
                       Scenarios scenarios, MediaCounters counters) throws Exception {
        ServerProcess first = nodes.get(0);
        List<String> names = provision(first, advisors);
        int[] phonePorts = FreePorts.udp(2);
        int phonePort = phonePorts[0];
        int phonesMedia = phonePorts[1];
        Process phones = SipJourneyTest.sipp(dir, "phones", scenarios.phone(), "-p", String.valueOf(phonePort),
                "-s", "advisor", "-m", "1000000", "-mp", String.valueOf(phonesMedia));
        List<ConsoleSocket> consoles = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        VideoCalls video = null;
        try {
            register(dir, first, scenarios.register(), names, phonePort);
            for (int i = 0; i < names.size(); i++) {
                consoles.add(ready(nodes.get(i % nodes.size()), names.get(i)));
            }
            if (scenarios.videoPercent() > 0) {
                video = VideoCalls.provision(nodes, videoAdvisors(advisors), Math.max(2, advisors / 4));
            }
            for (int rate : rates) {
                int calls = rate * seconds;
                String uptime = run(dir, List.of("uptime")).strip();
                List<Result> results = new ArrayList<>();
                if (nodes.size() == 1) {
                    results.add(sippToSipp(dir.resolve("anchor-" + rate), scenarios.phone(), scenarios.customer(), rate,
                            calls, holdMs, counters));
                    results.add(throughKamailio(dir.resolve("kamailio-" + rate), scenarios.phone(), scenarios.customer(),
                            rate, calls, holdMs, counters));
                }
                int videoCalls = calls * scenarios.videoPercent() / 100;
                VideoCalls videoNow = video;
                var videoResult = videoCalls == 0 ? null : java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return videoNow.run(rate * scenarios.videoPercent() / 100.0, videoCalls, holdMs);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, runnable -> Thread.ofVirtual().start(runnable));
                results.add(customers(dir.resolve("server-" + rate), scenarios.customer(),
                        new Target(nodes.size() == 1 ? THROUGH_SERVER : THROUGH_TWO_NODES,
                                nodes.stream().map(n -> "127.0.0.1:" + n.sipPort).toList(), phonesMedia,
                                () -> nodes.stream().map(n -> cpu(n.pid())).reduce(Duration.ZERO, Duration::plus)),
                        rate, calls, holdMs, counters));
                if (videoResult != null) {
                    results.add(videoResult.join());
                }
                steps.add(new Step(rate, uptime, results));
                results.forEach(System.out::println);
            }
        } finally {
            consoles.forEach(ConsoleSocket::close);
            if (video != null) {
                video.close();
            }
            phones.destroy();
        }
        StringBuilder problems = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            problems.append(nodes.size() == 1 ? "" : "\nNode " + (char) ('A' + i) + ":").append(problems(nodes.get(i).output()));
        }
        List<String> everyAdvisor = new ArrayList<>(names);
        if (video != null) {
            everyAdvisor.addAll(video.advisors());
        }
        return new Phase(steps, recordingsKept(first, everyAdvisor), problems.toString());
    }

    /** The anchor: the same customers straight to one SIPp phone. */
    static Result sippToSipp(Path dir, Path phoneScenario, Path customerScenario, int rate, int calls, int holdMs,
                             MediaCounters counters) throws Exception {
        try (AnchorPhone phone = AnchorPhone.start(dir, phoneScenario)) {
            return customers(dir, customerScenario, new Target("SIPp -> SIPp (anchor)", List.of("127.0.0.1:" + phone.port()),
                    phone.media(), () -> Duration.ZERO), rate, calls, holdMs, counters);
        }
    }

    /** The open-source anchor: Kamailio t_relay with rtpengine anchoring the media, in front of one SIPp phone. */
    static Result throughKamailio(Path dir, Path phoneScenario, Path customerScenario, int rate, int calls, int holdMs,
                                  MediaCounters counters) throws Exception {
        try (AnchorPhone phone = AnchorPhone.start(dir, phoneScenario);
             KamailioRtpengine proxy = KamailioRtpengine.start(dir, phone.port())) {
            return customers(dir, customerScenario, new Target("SIPp -> Kamailio t_relay + rtpengine (userspace) -> SIPp",
                    List.of("127.0.0.1:" + proxy.sipPort), phone.media(), proxy::cpu), rate, calls, holdMs, counters);
        }
    }

    /** The anchors' advisor: one SIPp phone answering as {@code advisor} on a free SIP port and a free media port. */
    private record AnchorPhone(int port, int media, Process process) implements AutoCloseable {
        static AnchorPhone start(Path dir, Path scenario) throws Exception {
            Files.createDirectories(dir);
            int[] ports = FreePorts.udp(2);
            int port = ports[0];
            int media = ports[1];
            return new AnchorPhone(port, media, SipJourneyTest.sipp(dir, "phone", scenario, "-p", String.valueOf(port),
                    "-s", "advisor", "-mp", String.valueOf(media)));
        }

        @Override
        public void close() {
            process.destroy();
        }
    }

    /** A constant-payload PCMU file (the end's {@code mark} byte) of {@code ms} milliseconds, played once per call. */
    static Path media(Path dir, String name, int mark, int ms) throws Exception {
        byte[] audio = new byte[ms / 20 * 160];
        Arrays.fill(audio, (byte) mark);
        return Files.write(dir.resolve(name), audio);
    }

    /** A SIPp scenario of the test resources playing {@code media} once (instead of looping its speech). */
    static Path scenario(Path dir, String name, Path media) throws Exception {
        Path file = SipJourneyTest.scenario(dir, name, media);
        String looped = media + ",-1,0";
        String text = Files.readString(file);
        if (!text.contains(looped)) {
            throw new IllegalStateException(name + " no longer plays its speech in a loop with rtp_stream");
        }
        Files.writeString(file, text.replace(looped, media + ",1,0"));
        return file;
    }

    static long throughServer(List<Step> steps) {
        return steps.stream().flatMap(s -> s.results().stream()).filter(r -> !r.path().contains("anchor")
                        && !r.path().contains("Kamailio"))
                .mapToLong(Result::ok).sum();
    }

    /** Advisors bench001..N: ADVISOR in HK, skilled for queue "general", with a desk-phone SIP password. */
    /** The console advisors who take the video share's calls: one for every five SIP advisors, at least one. */
    static int videoAdvisors(int advisors) {
        return Math.max(1, advisors / 5);
    }

    static List<String> provision(ServerProcess server, int advisors) throws Exception {
        WebSession admin = WebSession.signInOnceLoaded(server.baseUrl(), "admin", "demo1234");
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= advisors; i++) {
            String name = "bench%03d".formatted(i);
            admin.json(201, "POST", "/api/admin/users", """
                    {"username":"%s","roles":["ADVISOR"],"regions":["HK"],"language":"en","password":"%s"}"""
                    .formatted(name, webPassword(name)));
            admin.json(200, "PUT", "/api/admin/advisors/" + name, "{\"region\":\"HK\",\"skills\":["
                    + "{\"skill\":\"lang.en\",\"level\":9},{\"skill\":\"lang.yue\",\"level\":9},"
                    + "{\"skill\":\"product.accounts\",\"level\":9}],\"voiceCapacity\":1,\"videoCapacity\":0,"
                    + "\"chatCapacity\":0}");
            var sip = admin.send("PUT", "/api/admin/users/" + name + "/sip", "{\"sipPassword\":\"" + sipPassword(name) + "\"}");
            if (sip.statusCode() != 204) {
                throw new IllegalStateException("SIP password for " + name + ": " + sip.statusCode() + " " + sip.body());
            }
            names.add(name);
        }
        return names;
    }

    static String webPassword(String name) {
        return "tea-garden-41-river"; // a password must not contain the username
    }

    static String sipPassword(String name) {
        return "desk-phone-5678-" + name.substring("bench".length());
    }

    /** All desk phones register in one SIPp run from an injection file; every contact is the answering instance. */
    static void register(Path dir, ServerProcess server, Path scenario, List<String> names, int phonePort) throws Exception {
        Path csv = dir.resolve("phones.csv");
        Files.writeString(csv, "SEQUENTIAL\n" + names.stream()
                .map(n -> n + ";[authentication username=" + n + " password=" + sipPassword(n) + "];")
                .collect(Collectors.joining("\n")) + "\n");
        // all phones register from one address, as behind a branch's NAT: the sign-in throttle counts attempts in
        // flight against the address (parallel guesses cannot slip through), so a burst of them may get 503 with
        // Retry-After; a phone tries again after it, and so does this run (a phone registered twice is refreshed)
        for (int attempt = 1; ; attempt++) {
            Process reg = SipJourneyTest.sipp(dir, "register", scenario, "127.0.0.1:" + server.sipPort, "-p",
                    String.valueOf(ServerProcess.freeUdpPort()), "-inf", csv.toString(), "-m", String.valueOf(names.size()),
                    "-r", "20", "-key", "contact_port", String.valueOf(phonePort), "-timeout", "120s", "-timeout_error");
            if (reg.waitFor(3, TimeUnit.MINUTES) && reg.exitValue() == 0) {
                return;
            }
            String err = SipJourneyTest.read(dir.resolve("register.err"));
            if (attempt == 3) {
                throw new IllegalStateException("desk phones did not all register:\n" + err.substring(0, Math.min(2000, err.length())));
            }
            System.err.println("desk phones' registration " + attempt + " had failures (" + err.lines()
                    .filter(l -> l.contains("received 'SIP/2.0")).findFirst().orElse("see register.err") + "): again in 3 s");
            Thread.sleep(3000);
        }
    }

    /** The advisor's console: READY now, and every wrap-up finished at once so the phone takes the next call. */
    static ConsoleSocket ready(ServerProcess server, String name) throws Exception {
        ConsoleSocket console = readyConsole(server, name, webPassword(name));
        Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    console.await("presence", m -> m.path("state").asString().equals("WRAP_UP"), Duration.ofDays(1));
                    console.send("{\"type\":\"wrapup\",\"code\":\"RESOLVED\",\"notes\":\"bench\"}");
                }
            } catch (Exception closed) {
                // the console closed at the end of the run
            }
        });
        return console;
    }

    /**
     * SIPp customers calling the target at {@code rate}, {@code calls} in all, split evenly between its addresses (one
     * SIPp instance each, side by side); the media each way counted over all of them.
     */
    static Result customers(Path dir, Path scenario, Target target, int rate, int calls, int holdMs,
                            MediaCounters counters) throws Exception {
        Files.createDirectories(dir);
        int n = target.addresses().size();
        List<Integer> customerSip = new ArrayList<>();
        List<Integer> customerMedia = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int[] ports = FreePorts.udp(2);
            customerSip.add(ports[0]);
            customerMedia.add(ports[1]);
        }
        List<Integer> phoneMedia = List.of(target.phoneMediaPort());
        var toPhone = counters.direction(customerMedia, MediaCounters.CUSTOMER_MARK, phoneMedia);
        var toCustomer = counters.direction(phoneMedia, MediaCounters.PHONE_MARK, customerMedia);
        Duration cpu0 = target.cpu().get();
        long t0 = System.nanoTime();
        List<Process> customers = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path d = n == 1 ? dir : Files.createDirectories(dir.resolve("customers-" + (i + 1)));
            dirs.add(d);
            int share = calls / n + (i < calls % n ? 1 : 0);
            customers.add(SipJourneyTest.sipp(d, "customer_uac", scenario, target.addresses().get(i), "-p",
                    String.valueOf(customerSip.get(i)), "-mp", String.valueOf(customerMedia.get(i)),
                    "-s", "general", "-r", String.valueOf((double) rate / n), "-m", String.valueOf(share),
                    "-d", String.valueOf(holdMs), "-l", "100000", "-trace_rtt", "-rtt_freq", "1", "-trace_stat",
                    "-fd", "1", "-timeout", "600s"));
        }
        for (Process customer : customers) {
            if (!customer.waitFor(11, TimeUnit.MINUTES)) {
                customer.destroyForcibly();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuMs = target.cpu().get().minus(cpu0).toNanos() / 1e6;
        Thread.sleep(200); // the last packets of the last calls reach their end
        MediaCounters.Loss loss = counters.read(toPhone, toCustomer);
        long ok = 0;
        long failed = 0;
        long concurrent = 0;
        List<double[]> rtts = new ArrayList<>();
        for (Path d : dirs) {
            long[] okFailed = SipEdgeBenchmark.okFailed(d);
            ok += okFailed[0];
            failed += okFailed[1];
            concurrent += maxConcurrent(d);
            rtts.add(SipEdgeBenchmark.rtts(d));
        }
        double[] rtt = rtts.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
        return new Result(target.path(), rate, ok, failed, seconds, SipEdgeBenchmark.percentile(rtt, 50),
                SipEdgeBenchmark.percentile(rtt, 99), concurrent, cpuMs == 0 || ok == 0 ? Double.NaN : cpuMs / ok, loss);
    }

    static Duration cpu(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    /** The most calls SIPp held at once (CurrentCall of its per-second statistics). */
    static long maxConcurrent(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            Path stat = files.filter(p -> p.getFileName().toString().startsWith("customer_uac")
                    && p.toString().endsWith(".csv") && !p.toString().contains("rtt")).findFirst().orElseThrow();
            List<String> lines = Files.readAllLines(stat);
            int column = Arrays.asList(lines.get(0).split(";")).indexOf("CurrentCall");
            return lines.stream().skip(1).map(l -> l.split(";")).filter(f -> f.length > column)
                    .mapToLong(f -> Long.parseLong(f[column].strip())).max().orElse(0);
        }
    }

    /** An advisor's console, signed in and READY. */
    static ConsoleSocket readyConsole(ServerProcess server, String name, String password) throws Exception {
        ConsoleSocket console = ConsoleSocket.open(WebSession.signInOnceLoaded(server.baseUrl(), name, password), "/ws/agent");
        console.ready(WAIT);
        return console;
    }

    /**
     * What the compliance officer finds after a run: the recordings, and how many of the voice and video ones lack
     * the customer's or the advisor's media (no packet of that party's leg: the tap started after that party was
     * heard, or never saw them). -1: not counted.
     */
    record RecordingsFound(long found, long callsLackingAParty) {
        @Override
        public String toString() {
            return found < 0 ? "(not counted)" : found + " (of the voice and video ones, " + callsLackingAParty
                    + " lack the customer's or the advisor's media)";
        }
    }

    /** Recordings the compliance officer finds after the run, advisor by advisor (a search answers at most 100). */
    static RecordingsFound recordingsKept(ServerProcess server, List<String> advisors) throws Exception {
        WebSession connie = WebSession.signInOnceLoaded(server.baseUrl(), "connie", "demo1234");
        long found = 0;
        long lacking = 0;
        for (String advisor : advisors) {
            var res = connie.send("GET", "/api/compliance/recordings?limit=1000&advisor=" + advisor, null, "X-Purpose", "capacity benchmark count");
            if (res.statusCode() != 200) {
                return new RecordingsFound(-1, -1);
            }
            for (var r : WebSession.JSON.readTree(res.body())) {
                found++;
                String channel = r.path("metadata").path("channel").asText();
                if (channel.equals("VOICE") || channel.equals("VIDEO")) {
                    Set<String> heard = new HashSet<>();
                    r.path("legs").forEach(leg -> {
                        if (leg.path("packets").asLong() > 0) {
                            heard.add(leg.path("party").asText());
                        }
                    });
                    if (!heard.containsAll(List.of("customer", "advisor"))) {
                        lacking++;
                    }
                }
            }
        }
        return new RecordingsFound(found, lacking);
    }

    /** The server's WARN and ERROR lines over the run, by message (thread, time and ids left out). */
    static String problems(String log) {
        List<String> lines = log.lines().toList();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.contains(" WARN ") || l.contains(" ERROR ")) {
                // the exception's own line, when one follows, says why
                String cause = i + 1 < lines.size() && lines.get(i + 1).matches("^[\\w.$]+(Exception|Error)\\b.*")
                        ? " ← " + lines.get(i + 1) : "";
                problems.add((l.replaceFirst("^\\S+ (\\S+)\\s+\\[[^]]*] ", "$1 ") + cause)
                        .replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>"));
            }
        }
        var counts = problems.stream().collect(Collectors.groupingBy(l -> l, java.util.TreeMap::new, Collectors.counting()));
        StringBuilder b = new StringBuilder("\nServer log, WARN and ERROR lines over the run: ")
                .append(counts.isEmpty() ? "none" : "").append('\n');
        counts.forEach((line, n) -> b.append("- ").append(n).append(" × `").append(line).append("`\n"));
        return b.toString();
    }

    static String run(Path dir, List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(cmd + " failed: " + out);
        }
        return out;
    }

    static String report(String command, int advisors, int holdMs, int playMs, int seconds, int videoPercent,
                         List<Step> steps, RecordingsFound recordings) {
        StringBuilder b = new StringBuilder("# Whole-server capacity\n\n");
        b.append("Command: `").append(command).append("` — run ").append(Instant.now()).append(" on ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, SIPp sharing the machine with the server.\n\n")
                .append("The real server on embedded defaults (demo data, routing engine, embedded media relay, recording on), ")
                .append(advisors).append(" advisors provisioned through the admin API with desk-phone SIP passwords, all ")
                .append("registered by one answering SIPp instance from an injection file and READY from their consoles ")
                .append("(which finish each wrap-up at once). Each call: a SIPp customer on a trusted trunk calls queue ")
                .append("`general` (INVITE, 183 early media, routing offer, B2BUA INVITE to the advisor's phone, 200/ACK), ")
                .append("PCMU RTP both ways for ").append(holdMs).append(" ms, BYE. ").append(seconds)
                .append(" s of calls per step. Anchors, same scenario, same step, before the server: SIPp straight to a ")
                .append("SIPp phone, and Kamailio (stateful `t_relay`, record-routed) with rtpengine (userspace, no kernel ")
                .append("module) anchoring the media through `rtpengine_manage()`. `uptime` before each step. CPU/call = ")
                .append("the middle's CPU time over the step (the server JVM; Kamailio with its workers plus rtpengine) / ")
                .append("calls answered. Media loss = RTP packets one end sent that the other end did not receive, each ")
                .append("way, counted by nftables on the ends' media ports; each end plays a marked PCMU stream once for ")
                .append(playMs).append(" ms from the ACK, so the count ends before the BYE.");
        if (videoPercent > 0) {
            b.append(" Video share: at the same time as the server's SIP calls, ").append(videoPercent)
                    .append(" % more calls per step are browser video calls (row `").append(VideoCalls.PATH)
                    .append("`): scripted browsers (ICE, DTLS-SRTP) on the customer page's socket ask for a person by ")
                    .append("video and ").append(videoAdvisors(advisors)).append(" console advisors (video only) ")
                    .append("accept; both legs send Opus-sized audio (50 packets/s of 160 B) and VP8-sized video (150 ")
                    .append("packets/s of 1250 B, 1.5 Mbit/s) for ").append(holdMs).append(" ms once both are up, ")
                    .append("through the relay and the recording. For that row p50/p99 is the time from asking for a ")
                    .append("person to both legs' DTLS-SRTP being up, loss is counted by the peers (packets sent by ")
                    .append("one, received by the other), and its CPU is inside the SIP row's (same server, same ")
                    .append("step). The embedded relay's SIP legs carry audio only, so the video a bank sizes for ")
                    .append("(the mobile app's) comes this way, not from SIPp.");
        }
        b.append("\n\n");
        b.append("| offered cps | uptime before | path | calls ok | failed | achieved cps | INVITE→200 p50 (ms) | p99 (ms) |")
                .append(" most concurrent calls | media loss to phone / to customer (%) | RTP packets sent |")
                .append(" CPU/call (ms) |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Step st : steps) {
            for (Result r : st.results()) {
                b.append(String.format("| %d | %s | %s | %d | %d | %.1f | %.1f | %.1f | %d | %s | %s | %s |%n", st.rate(),
                        st.uptime().replaceAll(".*load average: ", "load "), r.path(), r.ok(), r.failed(), r.cps(),
                        r.p50(), r.p99(), r.maxConcurrent(), loss(r.loss()),
                        r.loss() == null ? "" : String.valueOf(r.loss().toPhoneSent() + r.loss().toCustomerSent()),
                        Double.isNaN(r.cpuMsPerCall()) ? "" : String.format("%.1f", r.cpuMsPerCall())));
            }
        }
        b.append("\nRecordings the compliance officer finds after the run: ").append(recordings)
                .append(" (calls answered through the server: ").append(throughServer(steps)).append(").\n");
        return b.toString();
    }

    static String loss(MediaCounters.Loss loss) {
        return loss == null ? "not measured"
                : String.format("%.3f / %.3f", loss.toPhonePercent(), loss.toCustomerPercent());
    }
}

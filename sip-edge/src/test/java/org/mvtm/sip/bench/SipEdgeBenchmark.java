package org.mvtm.sip.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.mvtm.core.Party;
import org.mvtm.core.event.InProcessEventBus;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.sip.api.CallMedia;
import org.mvtm.sip.api.FloodLimits;
import org.mvtm.sip.api.RegistrationStores;
import org.mvtm.sip.api.SipEdge;
import org.mvtm.sip.api.SipEdgeConfig;
import org.mvtm.sip.api.SipEdgePorts;
import org.mvtm.sip.api.SipEdges;
import org.mvtm.sip.api.SipTransport;
import org.mvtm.sip.support.RecordingRouting;
import org.mvtm.sip.support.Sipp;
import org.mvtm.testing.FreePorts;

/**
 * Load benchmark (run by bench/sip.sh): SIPp customers call queue "cards" through the edge, which offers each
 * call to a SIPp advisor phone registered with digest; both legs do INVITE/200/ACK/BYE. Baseline in the same
 * run: the same SIPp customer scenario against the SIPp phone directly (the tool's own ceiling).
 * Usage: SipEdgeBenchmark <rate cps> <calls> <output.md>
 */
public final class SipEdgeBenchmark {

    /** Signalling-only media: a fixed SDP, no sockets (the benchmark measures SIP). */
    static final class StaticMedia implements CallMedia {
        static final String SDP = "v=0\r\no=edge 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 30000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
        public String answer(InteractionId i, Party p, String offer) { return SDP; }
        public String reoffer(InteractionId i, Party p, String offer) { return SDP; }
        public void stopQueueAnnouncement(InteractionId i) { }
        public void hold(InteractionId i, Party p, boolean onHold) { }
        public String offer(InteractionId i, Party p) { return SDP; }
        public void applyAnswer(InteractionId i, Party p, String answer) { }
        public void playQueueAnnouncement(InteractionId i) { }
        public void removeLeg(InteractionId i, Party p) { }
        public void release(InteractionId i) { }
    }

    record Result(String name, int rate, long ok, long failed, double seconds, double p50, double p99,
                  double cpuMsPerCall) {
        double cps() {
            return ok / seconds;
        }
    }

    /** One ramp step: the load average before it and the three paths at the same offered rate. */
    record Step(int rate, String loadBefore, List<Result> results, String edgeCounters) {
    }

    /**
     * Usage: SipEdgeBenchmark RATES SECONDS [output.md]; RATES comma-separated (e.g. 150,300,600,1000,1500), each step
     * offering RATE x SECONDS calls on each path: SIPp -> SIPp, SIPp -> Kamailio (stateful t_relay) -> SIPp, and
     * SIPp -> sip-edge (queue, routing, B2BUA) -> SIPp, in that order, one after another.
     */
    public static void main(String[] args) throws Exception {
        List<Integer> rates = Arrays.stream((args.length > 0 ? args[0] : "150,300,600,1000,1500").split(","))
                .map(String::strip).map(Integer::parseInt).toList();
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path out = Path.of(args.length > 2 ? args[2] : "docs/benchmarks/sip-edge.md");
        Path work = Files.createTempDirectory("sip-bench");
        List<Step> steps = new ArrayList<>();
        boolean edgeClean = true;
        // warm-up (JIT), not reported: the first step would otherwise carry the compilation of the whole edge
        SipEdge warm = startEdge();
        try {
            run("warm-up", work.resolve("warm-up"), rates.get(0), rates.get(0) * seconds, warm, null);
        } finally {
            warm.close();
        }
        for (int rate : rates) {
            int calls = rate * seconds;
            String load = loadAverage();
            Path dir = work.resolve(Integer.toString(rate));
            Result sipp = run("SIPp -> SIPp", dir.resolve("sipp"), rate, calls, null, null);
            Result kamailio = runKamailio(dir.resolve("kamailio"), rate, calls);
            SipEdge edge = startEdge();
            Result viaEdge;
            try {
                viaEdge = run("SIPp -> sip-edge -> SIPp", dir.resolve("edge"), rate, calls, edge, null);
            } finally {
                edge.close();
            }
            org.mvtm.sip.api.SipMetrics m = edge.metrics();
            steps.add(new Step(rate, load, List.of(sipp, kamailio, viaEdge), "offered " + m.callsOffered()
                    + ", answered " + m.callsAnswered() + ", phone offers " + m.phoneOffersByOutcome()
                    + ", rejected " + m.rejectedByReason()));
            edgeClean &= viaEdge.failed() == 0 && viaEdge.ok() > 0;
            System.out.println(rate + " cps done: " + steps.get(steps.size() - 1));
        }
        String md = report(rates, seconds, steps);
        md = withEarlierReading(out, md);
        Files.writeString(out, md);
        System.out.println(md);
        System.exit(edgeClean ? 0 : 1); // jain-sip leaves non-daemon threads
    }

    /** A fresh edge with the test routing (every call offered to alice at once) and signalling-only media. */
    static SipEdge startEdge() {
        InProcessEventBus bus = new InProcessEventBus();
        RecordingRouting routing = new RecordingRouting(bus, Clock.systemUTC());
        SipEdge edge = SipEdges.create(SipEdgeConfig.builder("bank.example").tlsPort(-1)
                        .trustedTrunks(Set.of("127.0.0.1")).queues(Set.of("cards"))
                        .credentials(org.mvtm.sip.api.SipCredentials.of(java.util.Map.of("alice", "alice-secret")))
                        .flood(new FloodLimits(1_000_000, 1_000_000, Duration.ofSeconds(1)))
                        .admission(admission())
                        .offerTimeout(Duration.ofSeconds(10)).build(),
                Clock.systemUTC(), bus, SipEdgePorts.of(routing, new StaticMedia(), RegistrationStores.inMemory()));
        edge.start();
        routing.autoOfferTo = AgentId.of("alice");
        return edge;
    }

    /** The 1, 5 and 15 minute load averages and the number of cores, as uptime shows them. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** Kamailio (Debian package kamailio) as a stateful, record-routing proxy in front of the SIPp phone. */
    static Result runKamailio(Path dir, int rate, int calls) throws Exception {
        Files.createDirectories(dir);
        int port = FreePorts.udp();
        int phonePort = FreePorts.udp();
        Process kamailio = kamailio(dir, Path.of("bench/sip/kamailio-relay.cfg"),
                java.util.Map.of("LISTEN_PORT", port, "PHONE_PORT", phonePort));
        try {
            Thread.sleep(500);
            return run("SIPp -> Kamailio t_relay -> SIPp", dir, rate, calls, null,
                    new int[] {port, phonePort});
        } finally {
            kamailio.destroy();
            kamailio.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Starts Kamailio in the foreground from a config template in bench/sip/ whose placeholders (LISTEN_PORT, ...)
     * are replaced by the given ports; its log goes to kamailio.log in {@code dir}. Shared with bench/capacity.sh.
     */
    public static Process kamailio(Path dir, Path template, java.util.Map<String, Integer> ports) throws IOException {
        String cfg = Files.readString(template);
        for (var e : ports.entrySet()) {
            cfg = cfg.replace(e.getKey(), Integer.toString(e.getValue()));
        }
        Path cfgFile = dir.resolve("kamailio.cfg");
        Files.writeString(cfgFile, cfg);
        return new ProcessBuilder("kamailio", "-f", cfgFile.toString(), "-DD", "-E", "-m", "128", "-M", "8",
                "-Y", dir.toString(), "-P", dir.resolve("kamailio.pid").toString()).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("kamailio.log").toFile()).start();
    }

    /** The fresh page followed by the hand-written "## Reading the numbers" of the page it replaces, if any. */
    public static String withEarlierReading(Path out, String md) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        if (Files.exists(out)) {
            String previous = Files.readString(out);
            int notes = previous.indexOf("\n## Reading the numbers");
            if (notes >= 0) {
                return md + previous.substring(notes);
            }
        }
        return md;
    }

    /** Admission for the run: off (to find the capacity) unless ADMISSION_CPS sets the rate (to watch shedding). */
    static org.mvtm.sip.api.AdmissionLimits admission() {
        String cps = System.getenv("ADMISSION_CPS");
        return cps == null || cps.isBlank()
                ? new org.mvtm.sip.api.AdmissionLimits(1_000_000, 1_000_000, Duration.ofHours(1), Duration.ofSeconds(2))
                : org.mvtm.sip.api.AdmissionLimits.defaults().withCallsPerSecond(Double.parseDouble(cps));
    }

    /** @param proxy null, or {listening port, phone port} of a proxy standing between customer and phone */
    static Result run(String name, Path dir, int rate, int calls, SipEdge edge, int[] proxy) throws Exception {
        Files.createDirectories(dir);
        int phonePort = proxy == null ? FreePorts.udp() : proxy[1];
        Process phone = sipp(dir, "advisor_uas.xml", "-i", "127.0.0.1", "-p", Integer.toString(phonePort),
                "-m", Integer.toString(calls), "-mp", Integer.toString(FreePorts.udp()));
        String target = "127.0.0.1:" + (proxy == null ? phonePort : proxy[0]);
        if (edge != null) {
            target = "127.0.0.1:" + edge.port(SipTransport.UDP);
            Process reg = sipp(dir, "advisor_register.xml", target, "-i", "127.0.0.1", "-p",
                    Integer.toString(FreePorts.udp()), "-m", "1", "-s", "alice", "-au", "alice", "-ap", "alice-secret",
                    "-key", "contact_port", Integer.toString(phonePort));
            if (reg.waitFor() != 0) {
                throw new IllegalStateException("advisor phone could not register");
            }
        }
        Thread.sleep(300);
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Process customer = sipp(dir, "customer_uac.xml", target, "-i", "127.0.0.1", "-p",
                Integer.toString(FreePorts.udp()), "-s", "cards", "-r", Integer.toString(rate), "-m",
                Integer.toString(calls), "-d", "0", "-l", "10000", "-trace_rtt", "-rtt_freq", "1", "-trace_stat",
                "-fd", "1", "-mp", Integer.toString(FreePorts.udp()));
        customer.waitFor(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long cpu = os.getProcessCpuTime() - cpu0;
        phone.waitFor(10, TimeUnit.SECONDS);
        phone.destroy();
        long[] okFailed = okFailed(dir);
        double[] rtt = rtts(dir);
        double cpuMsPerCall = edge == null || okFailed[0] == 0 ? Double.NaN : cpu / 1e6 / (okFailed[0] + okFailed[1]);
        return new Result(name, rate, okFailed[0], okFailed[1], seconds, percentile(rtt, 50), percentile(rtt, 99),
                cpuMsPerCall);
    }

    static Process sipp(Path dir, String scenario, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Sipp.binary(), "-sf", Sipp.scenario(scenario).toString()));
        cmd.addAll(Arrays.asList(args));
        cmd.addAll(List.of("-nostdin", "-timeout", "90s", "-timeout_error"));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(scenario + ".log").toFile()).start();
    }

    /** Successful and failed calls from the customer's -trace_stat CSV (last line, cumulative columns). */
    public static long[] okFailed(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            Path stat = files.filter(p -> p.getFileName().toString().startsWith("customer_uac")
                    && p.toString().endsWith(".csv") && !p.toString().contains("rtt")).findFirst().orElseThrow();
            List<String> lines = Files.readAllLines(stat);
            String[] head = lines.get(0).split(";");
            String[] last = lines.get(lines.size() - 1).split(";");
            long ok = 0;
            long failed = 0;
            for (int i = 0; i < head.length && i < last.length; i++) {
                if (head[i].equals("SuccessfulCall(C)")) {
                    ok = Long.parseLong(last[i].strip());
                } else if (head[i].equals("FailedCall(C)")) {
                    failed = Long.parseLong(last[i].strip());
                }
            }
            return new long[] {ok, failed};
        }
    }

    /**
     * INVITE -> 200 OK times (ms) of every call, from the customer's -trace_rtt CSV; none when SIPp wrote no such file
     * (no call of the run was answered), so a step where every call failed is reported, not the end of the run.
     */
    public static double[] rtts(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            Optional<Path> rtt = files.filter(p -> p.getFileName().toString().startsWith("customer_uac")
                    && p.toString().endsWith("_rtt.csv")).findFirst();
            if (rtt.isEmpty()) {
                return new double[0];
            }
            return Files.readAllLines(rtt.get()).stream().skip(1).map(l -> l.split(";")).filter(f -> f.length >= 2)
                    .mapToDouble(f -> Double.parseDouble(f[1].strip())).sorted().toArray();
        }
    }

    public static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static String report(List<Integer> rates, int seconds, List<Step> steps) {
        StringBuilder b = new StringBuilder();
        b.append("# sip-edge load benchmark\n\n");
        b.append("Command: `bench/sip.sh ").append(rates.stream().map(String::valueOf).collect(
                java.util.stream.Collectors.joining(","))).append(' ').append(seconds).append("` — run ")
                .append(Instant.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, SIPp and Kamailio sharing the machine with the edge.\n\n");
        b.append("Each call: SIPp customer INVITE → 200/ACK → BYE. Through the edge: 100, 183 early media, queue,")
                .append(" routing offer, B2BUA INVITE to the SIPp desk phone registered with digest, 180/200/ACK, BYE on")
                .append(" both legs. Anchors, same scenario, same step: SIPp straight to the SIPp phone, and Kamailio")
                .append(" (stateful `t_relay`, record-routed) in between. Load = /proc/loadavg (1, 5, 15 min) before")
                .append(" the step. CPU/call = the edge JVM's CPU time over the step / calls.\n\n");
        b.append("| offered cps | load before | path | calls ok | failed | achieved cps | INVITE→200 p50 (ms) | p99 (ms) |")
                .append(" edge CPU/call (ms) |\n|---|---|---|---|---|---|---|---|---|\n");
        for (Step st : steps) {
            for (Result r : st.results()) {
                b.append(String.format("| %d | %s | %s | %d | %d | %.0f | %.1f | %.1f | %s |%n", st.rate(),
                        st.loadBefore(), r.name(), r.ok(), r.failed(), r.cps(), r.p50(), r.p99(),
                        Double.isNaN(r.cpuMsPerCall()) ? "" : String.format("%.2f", r.cpuMsPerCall())));
            }
        }
        b.append("\nEdge counters per step:\n");
        for (Step st : steps) {
            b.append("- ").append(st.rate()).append(" cps: ").append(st.edgeCounters()).append('\n');
        }
        return b.toString();
    }
}

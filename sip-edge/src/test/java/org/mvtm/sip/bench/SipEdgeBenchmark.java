package org.mvtm.sip.bench;

import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.mvtm.core.event.InProcessEventBus;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.sip.api.CallMedia;
import org.mvtm.sip.api.CallParty;
import org.mvtm.sip.api.FloodLimits;
import org.mvtm.sip.api.RegistrationStores;
import org.mvtm.sip.api.SipEdge;
import org.mvtm.sip.api.SipEdgeConfig;
import org.mvtm.sip.api.SipEdgePorts;
import org.mvtm.sip.api.SipEdges;
import org.mvtm.sip.api.SipTransport;
import org.mvtm.sip.support.RecordingRouting;
import org.mvtm.sip.support.Sipp;

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
        public String answer(InteractionId i, CallParty p, String offer) { return SDP; }
        public String reoffer(InteractionId i, CallParty p, String offer) { return SDP; }
        public void stopQueueAnnouncement(InteractionId i) { }
        public void hold(InteractionId i, CallParty p, boolean onHold) { }
        public String offer(InteractionId i, CallParty p) { return SDP; }
        public void applyAnswer(InteractionId i, CallParty p, String answer) { }
        public void playQueueAnnouncement(InteractionId i) { }
        public void removeLeg(InteractionId i, CallParty p) { }
        public void release(InteractionId i) { }
    }

    record Result(String name, long ok, long failed, double seconds, double p50, double p99) {
        double cps() {
            return ok / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 10000;
        Path out = Path.of(args.length > 2 ? args[2] : "docs/benchmarks/sip-edge.md");
        Path work = Files.createTempDirectory("sip-bench");

        Result baseline = run("SIPp customer -> SIPp phone (baseline)", work.resolve("baseline"), rate, calls, null);

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
        Result viaEdge;
        try {
            viaEdge = run("SIPp customer -> sip-edge (queue, routing, B2BUA) -> SIPp phone", work.resolve("edge"),
                    rate, calls, edge);
        } finally {
            edge.close();
        }
        String md = report(rate, calls, baseline, viaEdge, edge.metrics());
        Files.createDirectories(out.toAbsolutePath().getParent());
        // keep the hand-written reading of earlier runs below the fresh table
        if (Files.exists(out)) {
            String previous = Files.readString(out);
            int notes = previous.indexOf("\n## Reading the numbers");
            if (notes >= 0) {
                md = md + previous.substring(notes);
            }
        }
        Files.writeString(out, md);
        System.out.println(md);
        System.exit(viaEdge.failed() == 0 && viaEdge.ok() > 0 ? 0 : 1); // jain-sip leaves non-daemon threads
    }

    /** Admission for the run: off (to find the capacity) unless ADMISSION_CPS sets the rate (to watch shedding). */
    static org.mvtm.sip.api.AdmissionLimits admission() {
        String cps = System.getenv("ADMISSION_CPS");
        return cps == null || cps.isBlank()
                ? new org.mvtm.sip.api.AdmissionLimits(1_000_000, 1_000_000, Duration.ofHours(1), Duration.ofSeconds(2))
                : org.mvtm.sip.api.AdmissionLimits.defaults().withCallsPerSecond(Double.parseDouble(cps));
    }

    static int freePort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Result run(String name, Path dir, int rate, int calls, SipEdge edge) throws Exception {
        Files.createDirectories(dir);
        int phonePort = freePort();
        Process phone = sipp(dir, "advisor_uas.xml", "-i", "127.0.0.1", "-p", Integer.toString(phonePort),
                "-m", Integer.toString(calls), "-mp", Integer.toString(freePort()));
        String target = "127.0.0.1:" + phonePort;
        if (edge != null) {
            target = "127.0.0.1:" + edge.port(SipTransport.UDP);
            Process reg = sipp(dir, "advisor_register.xml", target, "-i", "127.0.0.1", "-p",
                    Integer.toString(freePort()), "-m", "1", "-s", "alice", "-au", "alice", "-ap", "alice-secret",
                    "-key", "contact_port", Integer.toString(phonePort));
            if (reg.waitFor() != 0) {
                throw new IllegalStateException("advisor phone could not register");
            }
        }
        Thread.sleep(300);
        long t0 = System.nanoTime();
        Process customer = sipp(dir, "customer_uac.xml", target, "-i", "127.0.0.1", "-p",
                Integer.toString(freePort()), "-s", "cards", "-r", Integer.toString(rate), "-m",
                Integer.toString(calls), "-d", "0", "-l", "10000", "-trace_rtt", "-rtt_freq", "1", "-trace_stat",
                "-fd", "1", "-mp", Integer.toString(freePort()));
        customer.waitFor(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - t0) / 1e9;
        phone.waitFor(10, TimeUnit.SECONDS);
        phone.destroy();
        long[] okFailed = okFailed(dir);
        double[] rtt = rtts(dir);
        return new Result(name, okFailed[0], okFailed[1], seconds, percentile(rtt, 50), percentile(rtt, 99));
    }

    static Process sipp(Path dir, String scenario, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Sipp.binary(), "-sf", Sipp.scenario(scenario).toString()));
        cmd.addAll(Arrays.asList(args));
        cmd.addAll(List.of("-nostdin", "-timeout", "300s", "-timeout_error"));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(scenario + ".log").toFile()).start();
    }

    /** Successful and failed calls from the customer's -trace_stat CSV (last line, cumulative columns). */
    static long[] okFailed(Path dir) throws IOException {
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

    /** INVITE -> 200 OK times (ms) of every call, from the customer's -trace_rtt CSV. */
    static double[] rtts(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            Path rtt = files.filter(p -> p.getFileName().toString().startsWith("customer_uac")
                    && p.toString().endsWith("_rtt.csv")).findFirst().orElseThrow();
            return Files.readAllLines(rtt).stream().skip(1).map(l -> l.split(";")).filter(f -> f.length >= 2)
                    .mapToDouble(f -> Double.parseDouble(f[1].strip())).sorted().toArray();
        }
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static String report(int rate, int calls, Result baseline, Result edge, org.mvtm.sip.api.SipMetrics m) {
        StringBuilder b = new StringBuilder();
        b.append("# sip-edge load benchmark\n\n");
        b.append("Command: `bench/sip.sh ").append(rate).append(' ').append(calls).append("` — run ")
                .append(Instant.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, SIPp sharing the machine.\n\n");
        b.append("Each call: SIPp customer INVITE → (edge: 100, 183 early media, queue, routing offer, B2BUA INVITE")
                .append(" to the SIPp desk phone registered with digest, 180/200/ACK) → 200/ACK → BYE on both legs.")
                .append(" Baseline: the same SIPp customer scenario straight to the SIPp phone.\n\n");
        b.append("| path | offered rate (cps) | calls ok | failed | achieved cps | INVITE→200 p50 (ms) | p99 (ms) |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        for (Result r : List.of(baseline, edge)) {
            b.append(String.format("| %s | %d | %d | %d | %.0f | %.1f | %.1f |%n", r.name(), rate, r.ok(), r.failed(),
                    r.cps(), r.p50(), r.p99()));
        }
        b.append("\nEdge counters after the run: offered ").append(m.callsOffered()).append(", answered ")
                .append(m.callsAnswered()).append(", phone offers ").append(m.phoneOffersByOutcome())
                .append(", failed ").append(m.callsFailedByCause()).append(", rejected ").append(m.rejectedByReason())
                .append(".\n");
        return b.toString();
    }
}

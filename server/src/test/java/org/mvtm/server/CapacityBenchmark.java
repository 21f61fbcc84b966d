package org.mvtm.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.mvtm.sip.bench.SipEdgeBenchmark;

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
 * margin, so no packet is in flight when the BYE tears the call down and the loss counted is loss in the path. Not
 * a test: a main run by bench/capacity.sh, which fails (non-zero) when the server does not start or no call gets
 * through.
 */
public final class CapacityBenchmark {
    private static final Duration WAIT = Duration.ofMinutes(5);

    record Result(String path, int rate, long ok, long failed, double seconds, double p50, double p99, long maxConcurrent,
                  double cpuMsPerCall, MediaCounters.Loss loss) {
        double cps() {
            return (ok + failed) / seconds;
        }
    }

    record Step(int rate, String uptime, List<Result> results) {
    }

    /** Where the customers call: the path's name, its SIP address, the phone's media port and the middle's CPU. */
    record Target(String path, String address, int phoneMediaPort, Supplier<Duration> cpu) {
    }

    static final String THROUGH_SERVER = "SIPp -> server (routing, relay, recording) -> SIPp phones";

    public static void main(String[] args) throws Exception {
        int advisors = Integer.parseInt(args[0]);
        List<Integer> rates = Arrays.stream(args[1].split(",")).map(Integer::parseInt).toList();
        int seconds = Integer.parseInt(args[2]);
        int holdMs = Integer.parseInt(args[3]);
        Path page = Path.of(args[4]);
        String command = args[5];
        Path dir = Files.createTempDirectory("mvtm-capacity");
        int playMs = holdMs - Math.min(500, holdMs / 5);
        Path phoneScenario = scenario(dir, "phone-answer.xml", media(dir, "phone.pcmu", MediaCounters.PHONE_MARK, playMs));
        // named customer_uac so SIPp's statistics files are the ones SipEdgeBenchmark reads
        Path customerScenario = dir.resolve("customer_uac.xml");
        Files.move(scenario(dir, "trunk-customer-call.xml", media(dir, "customer.pcmu", MediaCounters.CUSTOMER_MARK,
                playMs)), customerScenario);
        Path registerScenario = SipJourneyTest.scenario(dir, "phones-register.xml", dir.resolve("phone.pcmu"));

        List<Step> steps = new ArrayList<>();
        long recordings;
        String problems;
        try (MediaCounters counters = MediaCounters.open();
             ServerProcess server = ServerProcess.start(dir, "--contact.sip.trusted-trunks=127.0.0.1",
                "--contact.sip.max-calls-per-second=100000")) {
            server.awaitHealthy(WAIT);
            long pid = server.pid();
            List<String> names = provision(server, advisors);
            int phonePort = ServerProcess.freeUdpPort();
            int phonesMedia = ServerProcess.freeUdpPort();
            Process phones = SipJourneyTest.sipp(dir, "phones", phoneScenario, "-p", String.valueOf(phonePort),
                    "-s", "advisor", "-m", "1000000", "-mp", String.valueOf(phonesMedia));
            List<ConsoleSocket> consoles = new ArrayList<>();
            try {
                register(dir, server, registerScenario, names, phonePort);
                consoles.addAll(ready(server, names));
                for (int rate : rates) {
                    int calls = rate * seconds;
                    String uptime = run(dir, List.of("uptime")).strip();
                    Result anchor = sippToSipp(dir.resolve("anchor-" + rate), phoneScenario, customerScenario, rate,
                            calls, holdMs, counters);
                    Result kamailio = throughKamailio(dir.resolve("kamailio-" + rate), phoneScenario, customerScenario,
                            rate, calls, holdMs, counters);
                    Result whole = customers(dir.resolve("server-" + rate), customerScenario,
                            new Target(THROUGH_SERVER, "127.0.0.1:" + server.sipPort, phonesMedia, () -> cpu(pid)),
                            rate, calls, holdMs, counters);
                    steps.add(new Step(rate, uptime, List.of(anchor, kamailio, whole)));
                    System.out.println(anchor + "\n" + kamailio + "\n" + whole);
                }
            } finally {
                consoles.forEach(ConsoleSocket::close);
                phones.destroy();
            }
            recordings = recordingsKept(server, names);
            problems = problems(server.output());
            if (counters.unavailable() != null) {
                problems = "\nMedia loss not measured: " + counters.unavailable() + ".\n" + problems;
            }
        }
        long throughServer = throughServer(steps);
        Files.writeString(page, report(command, advisors, holdMs, playMs, seconds, steps, recordings) + problems);
        System.out.println("wrote " + page);
        if (throughServer == 0) {
            System.err.println("no call got through the server: see " + dir);
            System.exit(2);
        }
    }

    /** The anchor: the same customers straight to one SIPp phone. */
    static Result sippToSipp(Path dir, Path phoneScenario, Path customerScenario, int rate, int calls, int holdMs,
                             MediaCounters counters) throws Exception {
        Files.createDirectories(dir);
        int phonePort = ServerProcess.freeUdpPort();
        int phoneMedia = ServerProcess.freeUdpPort();
        Process phone = SipJourneyTest.sipp(dir, "phone", phoneScenario, "-p", String.valueOf(phonePort), "-s", "advisor",
                "-mp", String.valueOf(phoneMedia));
        try {
            return customers(dir, customerScenario, new Target("SIPp -> SIPp (anchor)", "127.0.0.1:" + phonePort,
                    phoneMedia, () -> Duration.ZERO), rate, calls, holdMs, counters);
        } finally {
            phone.destroy();
        }
    }

    /** The open-source anchor: Kamailio t_relay with rtpengine anchoring the media, in front of one SIPp phone. */
    static Result throughKamailio(Path dir, Path phoneScenario, Path customerScenario, int rate, int calls, int holdMs,
                                  MediaCounters counters) throws Exception {
        Files.createDirectories(dir);
        int phonePort = ServerProcess.freeUdpPort();
        int phoneMedia = ServerProcess.freeUdpPort();
        Process phone = SipJourneyTest.sipp(dir, "phone", phoneScenario, "-p", String.valueOf(phonePort), "-s", "advisor",
                "-mp", String.valueOf(phoneMedia));
        try (KamailioRtpengine proxy = KamailioRtpengine.start(dir, phonePort)) {
            return customers(dir, customerScenario, new Target("SIPp -> Kamailio t_relay + rtpengine (userspace) -> SIPp",
                    "127.0.0.1:" + proxy.sipPort, phoneMedia, proxy::cpu), rate, calls, holdMs, counters);
        } finally {
            phone.destroy();
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
        return steps.stream().flatMap(s -> s.results().stream()).filter(r -> r.path().equals(THROUGH_SERVER))
                .mapToLong(Result::ok).sum();
    }

    /** Advisors bench001..N: ADVISOR in HK, skilled for queue "general", with a desk-phone SIP password. */
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
                    + "{\"skill\":\"product.accounts\",\"level\":9}],\"voiceCapacity\":1}");
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
        Process reg = SipJourneyTest.sipp(dir, "register", scenario, "127.0.0.1:" + server.sipPort, "-p",
                String.valueOf(ServerProcess.freeUdpPort()), "-inf", csv.toString(), "-m", String.valueOf(names.size()),
                "-r", "20", "-key", "contact_port", String.valueOf(phonePort), "-timeout", "120s", "-timeout_error");
        if (!reg.waitFor(3, TimeUnit.MINUTES) || reg.exitValue() != 0) {
            String err = SipJourneyTest.read(dir.resolve("register.err"));
            throw new IllegalStateException("desk phones did not all register:\n" + err.substring(0, Math.min(2000, err.length())));
        }
    }

    /** Each advisor's console: READY now, and every wrap-up finished at once so the phone takes the next call. */
    static List<ConsoleSocket> ready(ServerProcess server, List<String> names) throws Exception {
        List<ConsoleSocket> consoles = new ArrayList<>();
        for (String name : names) {
            ConsoleSocket console = ConsoleSocket.open(WebSession.signIn(server.baseUrl(), name, webPassword(name)), "/ws/agent");
            console.await("desk", m -> true, WAIT);
            console.send("{\"type\":\"presence\",\"state\":\"READY\"}");
            console.await("presence", m -> m.path("state").asString().equals("READY"), WAIT);
            consoles.add(console);
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
        }
        return consoles;
    }

    static Result customers(Path dir, Path scenario, Target target, int rate, int calls, int holdMs,
                            MediaCounters counters) throws Exception {
        Files.createDirectories(dir);
        int customerMedia = ServerProcess.freeUdpPort();
        var toPhone = counters.direction(customerMedia, MediaCounters.CUSTOMER_MARK, target.phoneMediaPort());
        var toCustomer = counters.direction(target.phoneMediaPort(), MediaCounters.PHONE_MARK, customerMedia);
        Duration cpu0 = target.cpu().get();
        long t0 = System.nanoTime();
        Process customer = SipJourneyTest.sipp(dir, "customer_uac", scenario, target.address(), "-p",
                String.valueOf(ServerProcess.freeUdpPort()), "-mp", String.valueOf(customerMedia),
                "-s", "general", "-r", String.valueOf(rate), "-m", String.valueOf(calls), "-d", String.valueOf(holdMs),
                "-l", "100000", "-trace_rtt", "-rtt_freq", "1", "-trace_stat", "-fd", "1", "-timeout", "600s");
        if (!customer.waitFor(11, TimeUnit.MINUTES)) {
            customer.destroyForcibly();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuMs = target.cpu().get().minus(cpu0).toNanos() / 1e6;
        Thread.sleep(200); // the last packets of the last calls reach their end
        MediaCounters.Loss loss = counters.read(toPhone, toCustomer);
        long[] okFailed = SipEdgeBenchmark.okFailed(dir);
        double[] rtt = SipEdgeBenchmark.rtts(dir);
        return new Result(target.path(), rate, okFailed[0], okFailed[1], seconds, SipEdgeBenchmark.percentile(rtt, 50),
                SipEdgeBenchmark.percentile(rtt, 99), maxConcurrent(dir),
                cpuMs == 0 || okFailed[0] == 0 ? Double.NaN : cpuMs / okFailed[0], loss);
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

    /** Recordings the compliance officer finds after the run, advisor by advisor (a search answers at most 100). */
    static long recordingsKept(ServerProcess server, List<String> advisors) throws Exception {
        WebSession connie = WebSession.signInOnceLoaded(server.baseUrl(), "connie", "demo1234");
        long found = 0;
        for (String advisor : advisors) {
            var res = connie.send("GET", "/api/compliance/recordings?limit=1000&advisor=" + advisor, null, "X-Purpose", "capacity benchmark count");
            if (res.statusCode() != 200) {
                return -1;
            }
            found += WebSession.JSON.readTree(res.body()).size();
        }
        return found;
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

    static String report(String command, int advisors, int holdMs, int playMs, int seconds, List<Step> steps,
                         long recordings) {
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
                .append(playMs).append(" ms from the ACK, so the count ends before the BYE.\n\n");
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
        b.append("\nRecordings the compliance officer finds after the run: ").append(recordings < 0 ? "(not counted)" : recordings)
                .append(" (calls answered through the server: ").append(throughServer(steps)).append(").\n");
        return b.toString();
    }

    static String loss(MediaCounters.Loss loss) {
        return loss == null ? "not measured"
                : String.format("%.3f / %.3f", loss.toPhonePercent(), loss.toCustomerPercent());
    }
}

package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The SIP side of the journey on the real server: an advisor's desk phone (SIPp) registers with digest auth and
 * becomes ready, a customer's phone (SIPp) calls the general queue with digest auth, waits with early media, is
 * routed by skills (English, accounts) to that phone, both send speech (espeak-ng, PCMU) through the media bridge, and
 * the customer hangs up. A compliance officer of the customer's region then finds the call through the compliance
 * API, verifies it, replays both legs (the customer's speech is audible in the recording: energy measured) and finds
 * the replays in the audit trail.
 */
@Tag("peer")
class SipJourneyTest {
    private static final String[] PURPOSE = {"X-Purpose", "SIP journey test"};

    @Test
    void sipCustomerReachesAdvisorDeskPhoneAndTheRecordedCallIsVerifiedReplayedAndAudited(@TempDir Path dir) throws Exception {
        Path speech = speechWav(dir, "Hello, I would like to check the balance of my savings account please.");
        try (ServerProcess server = ServerProcess.start(dir,
                "--contact.media.port-min=0", "--contact.media.port-max=0")) {
            server.awaitHealthy(Duration.ofSeconds(120));
            Path injection = dir.resolve("fields.csv");
            Path call = scenario(dir, "customer-call.xml", speech);
            Process phone = deskPhone(dir, server, "david", speech, "smith");
            try {
                Process customer = sipp(dir, "customer", call, "-inf", injection.toString(), "-s", "general",
                        "-au", "smith", "-ap", "phone-smith-1234", "-m", "1", "-p", String.valueOf(ServerProcess.freeUdpPort()),
                        "-mp", String.valueOf(ServerProcess.freeUdpPort()), "127.0.0.1:" + server.sipPort);
                assertThat(customer.waitFor(120, TimeUnit.SECONDS)).as("customer call finished").isTrue();
                assertThat(customer.exitValue()).as("customer call: INVITE/auth/183/200/ACK/speech/BYE\n"
                        + read(dir.resolve("customer.err")) + "\nserver:\n" + server.output()).isZero();
                assertThat(phone.waitFor(30, TimeUnit.SECONDS) && phone.exitValue() == 0)
                        .as("advisor phone answered and got the BYE:\n" + read(dir.resolve("phone.err"))).isTrue();
            } finally {
                phone.destroyForcibly();
            }

            WebSession officer = WebSession.signIn(server.baseUrl(), "connie", "demo1234");
            JsonNode recording = sealedRecording(officer, "smith", PURPOSE);
            assertThat(recording).as("the SIP call is found by customer").isNotNull();
            assertThat(recording.path("metadata").path("channel").asString()).isEqualTo("VOICE");
            assertThat(recording.path("metadata").path("advisor").path("value").asString()).isEqualTo("david");
            String id = recording.path("id").path("value").asString();

            JsonNode verification = officer.json(200, "POST", "/api/compliance/recordings/" + id + "/verify", null, PURPOSE);
            assertThat(verification.toString()).as("integrity").contains("\"ok\":true");

            for (JsonNode leg : recording.path("legs")) {
                String legId = leg.path("legId").asString();
                byte[] wav = officer.bytes("/api/compliance/recordings/" + id + "/media/" + legId + "?purpose=SIP+journey", PURPOSE);
                assertThat(rms(wav)).as("speech energy in the recorded " + legId + " leg").isGreaterThan(300);
            }
            // the caller's BYE ends the media first; the call's end must still reach the sealed timeline
            String timeline = officer.json(200, "GET", "/api/compliance/recordings/" + id + "/timeline", null, PURPOSE).toString();
            assertThat(timeline).as("the call's end on the timeline").contains("\"kind\":\"ENDED\"");
            String audit = officer.json(200, "GET", "/api/compliance/audit?recording=" + id, null, PURPOSE).toString();
            assertThat(audit).contains("REPLAY").contains("VERIFY").contains("connie");
        }
    }

    /** The customer's sealed recording as the compliance search shows it, waiting up to 30 s for the seal; or null. */
    static JsonNode sealedRecording(WebSession officer, String customer, String[] purpose) throws Exception {
        for (int i = 0; i < 60; i++) {
            for (JsonNode r : officer.json(200, "GET", "/api/compliance/recordings?customer=" + customer, null, purpose)) {
                if ("SEALED".equals(r.path("state").asString())) {
                    return r;
                }
            }
            Thread.sleep(500);
        }
        return null;
    }

    /**
     * The customer's sealed recording, checked as a voice call taken by {@code advisor} with both legs (customer and
     * advisor) audible (energy above {@code minRms}); returns its id.
     */
    static String recordedVoiceCallWithBothLegs(WebSession officer, String customer, String advisor, String[] purpose,
                                                double minRms) throws Exception {
        JsonNode recording = sealedRecording(officer, customer, purpose);
        assertThat(recording).as("the call is found by customer").isNotNull();
        assertThat(recording.path("metadata").path("channel").asString()).isEqualTo("VOICE");
        assertThat(recording.path("metadata").path("advisor").path("value").asString()).isEqualTo(advisor);
        String id = recording.path("id").path("value").asString();
        assertThat(recording.path("legs")).as("customer and advisor legs").hasSize(2);
        for (JsonNode leg : recording.path("legs")) {
            String legId = leg.path("legId").asString();
            byte[] wav = officer.bytes("/api/compliance/recordings/" + id + "/media/" + legId + "?purpose=test", purpose);
            assertThat(rms(wav)).as("sound in the recorded " + legId + " leg").isGreaterThan(minRms);
        }
        return id;
    }

    /** Root-mean-square of a 16-bit PCM WAV (the export of a G.711 leg). */
    static double rms(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        int bits = 16;
        while (pos + 8 <= wav.length) {
            String chunk = new String(wav, pos, 4, StandardCharsets.US_ASCII);
            int size = b.getInt(pos + 4);
            if (chunk.equals("fmt ")) {
                bits = b.getShort(pos + 8 + 14);
            } else if (chunk.equals("data")) {
                assertThat(bits).as("PCM bits per sample").isEqualTo(16);
                long sum = 0;
                int n = 0;
                for (int i = pos + 8; i + 1 < Math.min(wav.length, pos + 8 + size); i += 2) {
                    int s = b.getShort(i);
                    sum += (long) s * s;
                    n++;
                }
                return n == 0 ? 0 : Math.sqrt((double) sum / n);
            }
            pos += 8 + size + (size & 1);
        }
        throw new AssertionError("not a WAV file (" + wav.length + " bytes)");
    }

    static Path speechWav(Path dir, String text) throws Exception {
        for (String tool : List.of("/usr/bin/espeak-ng", "/usr/bin/sox", "/usr/bin/sipp")) {
            if (!Files.isExecutable(Path.of(tool))) {
                throw new AssertionError(tool + " is missing: ./test.sh installs espeak-ng, sox and sip-tester");
            }
        }
        Path raw = dir.resolve("speech-22k.wav");
        Path ulaw = dir.resolve("speech-pcmu.wav");
        run(List.of("espeak-ng", "-v", "en", "-w", raw.toString(), text));
        run(List.of("sox", raw.toString(), "-r", "8000", "-c", "1", "-e", "u-law", ulaw.toString()));
        return ulaw;
    }

    /**
     * A G.711-only desk phone for {@code advisor}: the advisor says READY in the console first (registering a phone
     * never does), then SIPp answers with speech (phone-answer.xml) on a port that a second SIPp registers with the
     * phone's own digest credentials (phone-register.xml; the web password is refused). Also writes
     * {@code fields.csv} (field0 = the phone's port, field1 = {@code customer}) for customer-call.xml. Returns the
     * answering process, which ends after the call's BYE.
     */
    static Process deskPhone(Path dir, ServerProcess server, String advisor, Path speech, String customer)
            throws Exception {
        return deskPhoneAnswering(dir, server, advisor, scenario(dir, "phone-answer.xml", speech), customer);
    }

    /** The same desk phone answering with {@code answer} (a scenario already written to {@code dir}) and {@code args}. */
    static Process deskPhoneAnswering(Path dir, ServerProcess server, String advisor, Path answer, String customer,
                                      String... args) throws Exception {
        WebSession web = WebSession.signIn(server.baseUrl(), advisor, "demo1234");
        try (ConsoleSocket console = ConsoleSocket.open(web, "/ws/agent")) {
            console.ready(java.time.Duration.ofSeconds(10));
        }
        int answerPort = ServerProcess.freeUdpPort();
        Path injection = dir.resolve("fields.csv");
        Files.writeString(injection, "SEQUENTIAL\n" + answerPort + ";" + customer + ";\n");
        Path register = scenario(dir, "phone-register.xml", dir);
        List<String> answering = new ArrayList<>(List.of("-s", advisor, "-m", "1", "-p", String.valueOf(answerPort),
                "-mp", String.valueOf(ServerProcess.freeUdpPort())));
        answering.addAll(List.of(args));
        answering.add("127.0.0.1:" + server.sipPort);
        Process phone = sipp(dir, "phone", answer, answering.toArray(String[]::new));
        Thread.sleep(500); // let the answering side bind before the phone registers its port
        Process reg = sipp(dir, "register", register, "-inf", injection.toString(), "-s", advisor,
                "-au", advisor, "-ap", "phone-" + advisor + "-1234", "-m", "1", "-p", String.valueOf(ServerProcess.freeUdpPort()),
                "127.0.0.1:" + server.sipPort);
        if (!(reg.waitFor(30, TimeUnit.SECONDS) && reg.exitValue() == 0)) {
            phone.destroyForcibly();
            throw new AssertionError("phone did not register with digest auth:\n" + read(dir.resolve("register.err")));
        }
        return phone;
    }

    private static void run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(String.join(" ", cmd) + ": " + out).isTrue();
    }

    static Path scenario(Path dir, String name, Path speech) throws IOException {
        Path source = NodeScript.REPO.resolve("server/src/test/resources/sipp").resolve(name);
        Path target = dir.resolve(name);
        Files.writeString(target, Files.readString(source).replace("@SPEECH_WAV@", speech.toString()));
        return target;
    }

    static Process sipp(Path dir, String name, Path scenario, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("sipp", "-sf", scenario.toString(), "-i", "127.0.0.1", "-nostdin",
                "-trace_err", "-error_file", dir.resolve(name + ".err").toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".out").toFile()).start();
    }

    static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}

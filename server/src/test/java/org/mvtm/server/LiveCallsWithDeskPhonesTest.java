package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Live calls with desk phones and a SIP caller (issue 16 items 2 and 4), on the real server with the demo data: the
 * browsers' calls are Opus, the desk phones (baresip, G.711 only) join them as a consulted colleague and as a
 * listening supervisor, and the relay transcodes between G.711 and Opus; a supervisor in the browser listens to a SIPp
 * caller (G.711: the PCMU mix). One server for all; the browser steps are scenarios of
 * server/src/test/browser/live-calls.js (the browser-only ones: {@link LiveCallsInBrowserTest}).
 */
class LiveCallsWithDeskPhonesTest extends ServerForTheClass {
    private String scenario(String name) throws Exception {
        return LiveCallsInBrowserTest.scenario(server, dir, name);
    }

    /**
     * Issue 16 item 2 with a SIP phone: bob works on a desk phone (baresip, registered with digest auth, answering by
     * itself and playing a tone, keeping what it hears in a WAV file; G.711 only). alice holds chan and invites bob:
     * his phone rings through the sip-edge, is offered Opus and G.711, answers G.711 and joins the pages' Opus call
     * through the relay, which transcodes; alice hears bob while the held customer receives nothing; resumed, chan
     * hears bob too; the timeline shows bob joining and leaving by SIP; and the phone's own file shows the call's
     * audio reached it.
     */
    @Test
    void aColleagueOnASipDeskPhoneIsConsultedThenHeardInAThreeWayCallAndHearsTheCall() throws Exception {
        Path phoneDir = Files.createDirectories(dir.resolve("bob-phone"));
        colleagueOnDeskPhone(phoneDir);
        assertHeardTheCall(phoneDir, "bob's desk phone");
    }

    private void colleagueOnDeskPhone(Path phoneDir) throws Exception {
        Process phone = deskPhone(phoneDir, "bob", ";answermode=auto;regint=600");
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!SipJourneyTest.read(phoneDir.resolve("baresip.log")).contains("200 OK")
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(SipJourneyTest.read(phoneDir.resolve("baresip.log"))).as("bob's phone registered").contains("200 OK");
            scenario("sip-colleague");
        } finally {
            ReadmeJourneyTest.quit(phone);
        }
    }

    /**
     * Issue 16 item 4 from a desk phone: sam's SIP phone (baresip, G.711 only) dials {@code *44alice} while alice talks
     * to chan on Opus: it hears the call, mixed and transcoded to G.711 by the relay (its own recording of what it
     * received), and the customer receives nothing from it (alice muted); the start and the stop are MONITOR audit entries and on the timeline (via sip). zoe, a supervisor of
     * Shenzhen only, dials the same code from her phone (SIPp) and gets 403, audited as a refused MONITOR.
     */
    @Test
    void aSupervisorOnASipDeskPhoneListensByFeatureCode() throws Exception {
        Path phoneDir = Files.createDirectories(dir.resolve("sam-phone"));
        Process phone = null;
        try (NodeScript script = NodeScript.start("server/src/test/browser/live-calls.js",
                NodeScript.scenarioEnv(server, "sip-supervisor"),
                line -> System.out.println("[browser] " + line))) {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!script.output().contains("READY FOR THE SUPERVISOR PHONE") && !script.output().contains("FAILED")
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(script.output()).contains("READY FOR THE SUPERVISOR PHONE");
            // zoe supervises Shenzhen only: her desk phone is refused the Hong Kong call
            Path injection = phoneDir.resolve("zoe.csv");
            Files.writeString(injection, "SEQUENTIAL\nzoe;\n");
            Process refused = SipJourneyTest.sipp(phoneDir, "zoe", SipJourneyTest.scenario(phoneDir,
                    "supervisor-refused.xml", phoneDir), "-inf", injection.toString(), "-s", "*44alice", "-au", "zoe",
                    "-ap", "phone-zoe-1234", "-m", "1", "-p", String.valueOf(ServerProcess.freeUdpPort()),
                    "127.0.0.1:" + server.sipPort);
            assertThat(refused.waitFor(60, TimeUnit.SECONDS) && refused.exitValue() == 0)
                    .as("zoe's INVITE to *44alice is answered 403:\n" + SipJourneyTest.read(phoneDir.resolve("zoe.err")))
                    .isTrue();
            phone = deskPhone(phoneDir, "sam", ";regint=0", "-e", "/dial sip:*44alice@127.0.0.1:" + server.sipPort);
            script.awaitPrinted("LIVE CALLS OK", Duration.ofMinutes(4),
                    "phone:\n" + SipJourneyTest.read(phoneDir.resolve("baresip.log")) + "\n" + server.logDigest());
        } finally {
            if (phone != null) {
                ReadmeJourneyTest.quit(phone);
            }
        }
        assertHeardTheCall(phoneDir, "sam's desk phone");
    }

    /**
     * A baresip desk phone of {@code user} (G.711 only: its one codec module is g711, so on the pages' Opus calls the
     * relay transcodes; password {@code phone-<user>-1234}; {@code params} added to its account) that plays a tone and
     * keeps what it receives in {@code dump-*-dec.wav}.
     */
    private Process deskPhone(Path phoneDir, String user, String params, String... args) throws Exception {
        Path tone = phoneDir.resolve("tone.wav");
        Process sox = new ProcessBuilder("sox", "-n", "-r", "8000", "-c", "1", "-b", "16", tone.toString(),
                "synth", "180", "sine", "440", "vol", "0.5").redirectErrorStream(true).start();
        assertThat(sox.waitFor(30, TimeUnit.SECONDS) && sox.exitValue() == 0).as("sox made the phone's tone").isTrue();
        Files.writeString(phoneDir.resolve("config"), String.join("\n", "poll_method epoll",
                "sip_listen 127.0.0.1:0", "call_local_timeout 120",
                "audio_player alsa,default", "audio_source aufile," + tone, "audio_alert alsa,default",
                "module_path /usr/lib/baresip/modules", "module stdio.so", "module g711.so", "module alsa.so",
                "module aufile.so", "module sndfile.so", "module_tmp uuid.so", "module_tmp account.so",
                "module_app menu.so", "snd_path " + phoneDir, ""));
        Files.writeString(phoneDir.resolve("accounts"), "<sip:" + user + "@127.0.0.1:" + server.sipPort
                + ">;auth_pass=phone-" + user + "-1234" + params + "\n");
        List<String> command = new ArrayList<>(List.of("baresip", "-f", phoneDir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder start = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(phoneDir.resolve("baresip.log").toFile());
        start.environment().put("HOME", ReadmeJourneyTest.soundCard(phoneDir).toString());
        return start.start();
    }

    private static void assertHeardTheCall(Path phoneDir, String who) throws Exception {
        try (var files = Files.list(phoneDir)) {
            Path heard = files.filter(f -> f.getFileName().toString().startsWith("dump-")
                    && f.getFileName().toString().endsWith("-dec.wav")).findFirst()
                    .orElseThrow(() -> new AssertionError(who + " kept no audio:\n"
                            + SipJourneyTest.read(phoneDir.resolve("baresip.log"))));
            assertThat(SipJourneyTest.rms(Files.readAllBytes(heard))).as("the call's audio reached " + who)
                    .isGreaterThan(100);
        }
    }

    /** A SIPp caller speaks (PCMU, looped) until the test ends it; alice answers in her console, sam listens. */
    @Test
    void aSupervisorListensToASipCaller() throws Exception {
        Path speech = SipJourneyTest.speechWav(dir, "Hello, I would like to check the balance of my savings account please.");
        Path scenario = SipJourneyTest.scenario(dir, "customer-call.xml", speech);
        Files.writeString(scenario, Files.readString(scenario)
                .replace("<pause milliseconds=\"5000\"/>", "<pause milliseconds=\"180000\"/>"));
        Path injection = dir.resolve("monitored.csv");
        Files.writeString(injection, "SEQUENTIAL\n0;smith;\n");
        Process caller = SipJourneyTest.sipp(dir, "monitored", scenario, "-inf", injection.toString(), "-s", "general",
                "-au", "smith", "-ap", "phone-smith-1234", "-m", "1",
                "-p", String.valueOf(ServerProcess.freeUdpPort()), "-mp", String.valueOf(ServerProcess.freeUdpPort()),
                "127.0.0.1:" + server.sipPort);
        try {
            scenario("sip");
        } finally {
            caller.destroyForcibly();
        }
    }
}

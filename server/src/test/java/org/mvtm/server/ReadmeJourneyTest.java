package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The README's "Try it" section followed as written, on the real server with the demo data (issue 14, "What it must
 * show"): the logins, the buttons and the customer's question are read from README.md, the browser steps run in
 * headless Chromium (server/src/test/browser/readme-journey.js), and the SIP call is placed with the README's own
 * baresip lines, run by the shell. The server runs on free ports, so the lines are the ones its start-up output
 * prints for its own SIP port, which the README promises are the same as its own; only the throwaway baresip
 * directory is moved into the test's directory. The start-up log has no warning a newcomer would take for a problem
 * (item 14; the JVM's own native-access notes are silenced by run.sh's flags), and the advisor's "Today's
 * interactions" survive a restart (item 16).
 */
@Tag("peer")
class ReadmeJourneyTest {
    private static final Path README = NodeScript.REPO.resolve("README.md");
    private static final String README_SIP = "127.0.0.1:5060";
    private static final String README_PHONE_DIR = "/tmp/mvtm-baresip";

    /** What the README tells a newcomer to type and press, read from its text. */
    record Steps(String password, String advisor, String customer, String ready, String apply, String language,
                 String question, String videoCall, String accept, List<String> sipLines) {

        static Steps of(String readme) {
            String video = find(readme, "A first video call:(.*?)\\n\\n");
            List<String> signIns = Pattern.compile("sign in as `([^`]+)`").matcher(video).results().map(m -> m.group(1)).toList();
            String sipBlock = find(readme, "A first SIP call:.*?```sh\\n(.*?)```");
            return new Steps(find(readme, "web password `([^`]+)`"), signIns.get(0), signIns.get(1),
                    find(video, "choose\\s+\\*([^*]+)\\* and \\*[^*]+\\*"), find(video, "choose\\s+\\*[^*]+\\* and \\*([^*]+)\\*"),
                    find(video, "pick (\\S+?),"), find(video, "「([^」]+)」"), find(video, "press \\*[^*]+\\* \\(([^)]+)\\)"),
                    find(video, "\\*([^*]+)\\* connects"), sipBlock.lines().filter(l -> !l.isBlank()).toList());
        }

        private static String find(String text, String regex) {
            Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
            if (!m.find()) {
                throw new AssertionError("the README no longer says /" + regex + "/");
            }
            return m.group(1).strip();
        }
    }

    @Test
    void aNewcomerFollowsTheReadmeFromTheFirstVideoCallToTheFirstSipCallAndFindsTheDayAfterARestart(@TempDir Path dir) throws Exception {
        Steps readme = Steps.of(Files.readString(README));
        LocalDate day = LocalDate.now(ZoneOffset.UTC); // the server's clock is UTC
        assertThat(readme.sipLines()).as("the README's SIP lines").hasSize(2);
        try (ServerProcess server = ServerProcess.start(dir, "--contact.media.port-min=0", "--contact.media.port-max=0")) {
            server.awaitHealthy(Duration.ofMinutes(5)); // a busy shared machine starts slowly
            for (int i = 0; i < 300 && !server.output().contains("contact center is ready"); i++) {
                Thread.sleep(200); // the report follows the health check by a moment
            }
            String startup = server.output();
            assertThat(startup.lines().filter(l -> l.matches("\\S+\\s+(WARN|ERROR) .*")).toList())
                    .as("start-up log lines a newcomer would take for a problem").isEmpty();
            String port = "127.0.0.1:" + server.sipPort;
            for (String line : readme.sipLines()) {
                assertThat(startup).as("the start-up output prints the README's line for its own port")
                        .contains(line.replace(README_SIP, port));
            }
            Path phoneDir = dir.resolve("baresip");
            List<String> phone = readme.sipLines().stream()
                    .map(l -> l.replace(README_SIP, port).replace(README_PHONE_DIR, phoneDir.toString())).toList();

            Map<String, String> env = Map.ofEntries(Map.entry("BASE_URL", server.baseUrl()),
                    Map.entry("PASSWORD", readme.password()), Map.entry("ADVISOR", readme.advisor()),
                    Map.entry("CUSTOMER", readme.customer()), Map.entry("READY", readme.ready()),
                    Map.entry("APPLY", readme.apply()), Map.entry("LANGUAGE", readme.language()),
                    Map.entry("QUESTION", readme.question()), Map.entry("VIDEO_CALL", readme.videoCall()),
                    Map.entry("ACCEPT", readme.accept()),
                    Map.entry("SCREENSHOTS", NodeScript.REPO.resolve("server/target/screenshots").toString()));
            Process baresip = null;
            try (NodeScript journey = NodeScript.start("server/src/test/browser/readme-journey.js", env, line -> { })) {
                long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
                while (!journey.output().contains("READY FOR SIP") && System.nanoTime() < deadline
                        && !journey.output().contains("README JOURNEY FAILED")) {
                    Thread.sleep(200);
                }
                if (!journey.output().contains("READY FOR SIP")) {
                    throw new AssertionError("the web journey did not print READY FOR SIP; it printed:\n"
                            + journey.output() + "\n" + server.logDigest());
                }

                Process account = new ProcessBuilder("sh", "-c", phone.get(0)).redirectErrorStream(true).start();
                assertThat(account.waitFor(30, TimeUnit.SECONDS) && account.exitValue() == 0).as(phone.get(0)).isTrue();
                ProcessBuilder dial = new ProcessBuilder("sh", "-c", "exec " + phone.get(1)).directory(dir.toFile())
                        .redirectErrorStream(true).redirectOutput(dir.resolve("baresip.log").toFile());
                dial.environment().put("HOME", soundCard(dir).toString());
                baresip = dial.start();

                int exit = journey.await(Duration.ofMinutes(4));
                String log = journey.output() + "\nbaresip:\n" + SipJourneyTest.read(dir.resolve("baresip.log"))
                        + "\nserver:\n" + server.output();
                assertThat(journey.output()).as(log).contains("SIP CALL ANSWERED").contains("README JOURNEY OK");
                assertThat(exit).isZero();
                String ok = journey.output().lines().filter(l -> l.startsWith("README JOURNEY OK ")).findFirst().orElseThrow();
                JsonNode result = WebSession.JSON.readTree(ok.substring("README JOURNEY OK ".length()));
                assertThat(result.path("sipOffer").asString()).as("the SIP call is the README's customer calling by voice")
                        .contains("(" + readme.customer() + ")").containsIgnoringCase("voice");
                assertThat(result.path("today")).as("today's interactions: the video call and the SIP call").hasSize(2);
            } finally {
                if (baresip != null) {
                    quit(baresip);
                }
            }
        }
        // item 16: the server restarted on the same data directory still lists the advisor's day
        try (ServerProcess again = ServerProcess.start(dir, "--contact.media.port-min=0", "--contact.media.port-max=0")) {
            again.awaitHealthy(Duration.ofMinutes(5));
            WebSession advisor = WebSession.signIn(again.baseUrl(), readme.advisor(), readme.password());
            try (ConsoleSocket console = ConsoleSocket.open(advisor, "/ws/agent")) {
                JsonNode today = console.await("desk", m -> true, Duration.ofMinutes(1)).path("today");
                Assumptions.assumeTrue(day.equals(LocalDate.now(ZoneOffset.UTC)), "the day changed during the test");
                assertThat(today).as("today's interactions after a restart").hasSize(2);
            }
        }
    }

    /**
     * A home directory whose ALSA configuration has a null default device: the newcomer's sound card. The test machine
     * has none, and baresip ends a call at the answer when it cannot open one (README, "A first SIP call").
     */
    static Path soundCard(Path dir) throws java.io.IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve(".asoundrc"), "pcm.!default { type null }\n");
        return home;
    }

    /** {@code q} as the README says, then the process itself if it does not go. */
    static void quit(Process baresip) throws Exception {
        if (baresip.isAlive()) {
            try (OutputStream in = baresip.getOutputStream()) {
                in.write("q\n".getBytes(StandardCharsets.UTF_8));
            } catch (java.io.IOException gone) {
                // exited meanwhile
            }
            if (!baresip.waitFor(10, TimeUnit.SECONDS)) {
                baresip.destroyForcibly().waitFor();
            }
        }
    }
}

package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.core.Language;
import org.mvtm.sip.api.speech.Endpointer;
import org.mvtm.sip.api.speech.Speech;
import org.mvtm.sip.api.speech.SpeechRecognizer;
import tools.jackson.databind.JsonNode;

/**
 * Issue 19 items 3 and 4 on the real server, with the general queue's IVR topics configured (lost card, account
 * documents). Two SIPp callers at once, whose RTP this test sends and receives ({@link IvrCallerMedia}):
 * <ol>
 *   <li>chan (Cantonese account) hears the greeting (energy), presses 2 (RFC 4733, while the greeting plays) and
 *       hears the Mandarin menu, presses 1 and hears the answer, presses 0: carol (Mandarin) is offered the call with the IVR transcript in
 *       her console, accepts (SIPp gets 200) and hangs up; the recording's timeline holds the prompts;</li>
 *   <li>smith (English account) presses 7 by SIP INFO (not an option: the menu again, English prompts recognised back
 *       by pocketsphinx), says "I lost my card" (espeak-ng en in the RTP stream) and hears the lost-card answer, cut
 *       at 120 characters with "more in the app",
 *       then presses nothing: after 10 s alice is offered the call with the transcript.</li>
 * </ol>
 */
@Tag("peer")
class SipCallerIvrTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String[] PURPOSE = {"X-Purpose", "IVR test"};
    private static final String INFO_SEVEN = """
              <pause milliseconds="800"/>
              <send retrans="500">
                <![CDATA[
                  INFO [next_url] SIP/2.0
                  Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                  From: "[field1]" <sip:[field1]@mvtm.local>;tag=[pid]cust[call_number]
                  To: <sip:[service]@mvtm.local>[peer_tag_param]
                  Call-ID: [call_id]
                  CSeq: 3 INFO
                  Contact: <sip:[field1]@[local_ip]:[local_port];transport=[transport]>
                  Max-Forwards: 70
                  Content-Type: application/dtmf-relay
                  Content-Length: [len]

                  Signal=7
                  Duration=160
                ]]>
              </send>
              <recv response="200"/>
            """;

    @Test
    void callersGoThroughTheVoiceFrontDoorByKeysAndByVoiceAndReachAnAdvisorWithTheTranscript(@TempDir Path dir)
            throws Exception {
        SipJourneyTest.speechWav(dir, "ivr"); // checks that sipp, sox and espeak-ng are installed
        IvrCallerMedia.requireEngines();
        try (ServerProcess server = ServerProcess.start(dir, "--contact.media.port-min=0", "--contact.media.port-max=0",
                "--contact.ivr.queues.general=card_lost,acct_open_docs", "--contact.ivr.max-spoken-chars=120",
                "--contact.ivr.titles.card_lost.en=a lost card", "--contact.ivr.titles.card_lost.zh=信用卡遗失",
                "--contact.ivr.titles.card_lost.yue=唔見咗卡", "--contact.ivr.titles.acct_open_docs.en=account documents",
                "--contact.ivr.titles.acct_open_docs.zh=开户文件", "--contact.ivr.titles.acct_open_docs.yue=開戶文件")) {
            long started = System.nanoTime();
            server.awaitHealthy(Duration.ofMinutes(5));
            System.out.println("server healthy after " + (System.nanoTime() - started) / 1_000_000 + " ms");
            // the two callers at once (carol takes Mandarin, alice English): one server, half the time
            WebSession carol = WebSession.signIn(server.baseUrl(), "carol", "demo1234");
            WebSession alice = WebSession.signIn(server.baseUrl(), "alice", "demo1234");
            WebSession officer = WebSession.signIn(server.baseUrl(), "connie", "demo1234");
            java.util.concurrent.Future<?> english = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()
                    .submit(() -> {
                        englishCallerSpeaks(dir, server, alice);
                        return null;
                    });
            cantoneseCallerPressesKeys(dir, server, carol, officer);
            System.out.println("Cantonese caller done after " + (System.nanoTime() - started) / 1_000_000 + " ms");
            try {
                english.get(5, TimeUnit.MINUTES);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw (Exception) e.getCause();
            }
            System.out.println("English caller done after " + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
    }

    private void cantoneseCallerPressesKeys(Path dir, ServerProcess server, WebSession carol, WebSession officer)
            throws Exception {
        try (IvrCallerMedia phone = new IvrCallerMedia();
             ConsoleSocket console = ready(carol)) {
            Process caller = call(dir, server, "chan", phone, "");
            try {
                int mark = phone.mark();
                await("chan hears the Cantonese greeting").atMost(WAIT).until(() -> phone.mark() - mark >= 8000 * 2);
                assertThat(IvrCallerMedia.meanEnergy(phone.samples(mark))).as("the greeting is speech, not silence")
                        .isGreaterThan(300);

                int menu = phone.mark();
                phone.press('2'); // while the greeting plays: it stops, the Mandarin menu starts
                await("the Mandarin menu").atMost(WAIT).until(() -> phone.mark() - menu >= 8000 * 3);
                assertThat(IvrCallerMedia.meanEnergy(phone.samples(menu))).isGreaterThan(300);

                int answer = phone.mark();
                phone.press('1');
                await("the answer to the first topic").atMost(WAIT).until(() -> phone.promptEnded(answer));
                assertThat(phone.samples(answer).length).as("the lost-card answer takes seconds to say")
                        .isGreaterThan(8000 * 5);
                assertThat(IvrCallerMedia.meanEnergy(phone.samples(answer))).isGreaterThan(300);

                phone.press('0');
                JsonNode offer = console.await("offer", m -> true, WAIT);
                List<String> lines = new ArrayList<>();
                offer.path("customer").path("transcript").forEach(l -> lines.add(l.path("text").asString()));
                assertThat(lines).as("carol's console shows what the IVR said and what chan pressed")
                        .anyMatch(l -> l.contains("歡迎致電銀行")).contains("[2] 普通话", "[1] 信用卡遗失", "[0] advisor")
                        .anyMatch(l -> l.contains("信用卡遗失请按1")).anyMatch(l -> l.contains("锁定卡片"));
                assertThat(offer.path("customer").path("language").asString()).isEqualTo("zh");
                acceptAnswerAndHangUp(console, offer, dir, "chan", caller, "INVITE/auth/183/200/ACK/BYE");
            } finally {
                caller.destroyForcibly();
            }
        }
        JsonNode recording = SipJourneyTest.sealedRecording(officer, "chan", PURPOSE);
        assertThat(recording).as("chan's call is recorded").isNotNull();
        List<String> bot = new ArrayList<>();
        for (JsonNode e : officer.json(200, "GET", "/api/compliance/recordings/"
                + recording.path("id").path("value").asString() + "/timeline", null, PURPOSE)) {
            if (e.path("kind").asString().equals("BOT_MESSAGE")) {
                bot.add(e.path("text").asString());
            }
        }
        assertThat(bot).as("the recording holds the IVR's prompts").anyMatch(t -> t.contains("歡迎致電銀行"))
                .anyMatch(t -> t.contains("营业") || t.contains("开户文件请按2")).anyMatch(t -> t.contains("锁定卡片"));
    }

    /**
     * The advisor accepts the offered call; once the caller's phone is answered (the console says connected when the
     * accept is taken, before the edge has answered the phone: a hang-up in between ends the call unanswered, 480,
     * which SIPp's scenario does not expect) hangs up, and the caller's SIPp ends its {@code scenario} cleanly.
     */
    private static void acceptAnswerAndHangUp(ConsoleSocket console, JsonNode offer, Path dir, String customer,
                                              Process caller, String scenario) throws Exception {
        String id = offer.path("customer").path("interactionId").asString();
        console.send("{\"type\":\"accept\",\"interactionId\":\"" + id + "\"}");
        console.await("connected", m -> m.path("customer").path("interactionId").asString().equals(id), WAIT);
        await(customer + "'s phone is answered").atMost(WAIT).until(() -> SipJourneyTest
                .read(dir.resolve(customer + "-actions.log")).contains("CUSTOMER CONNECTED"));
        console.send("{\"type\":\"hangup\",\"interactionId\":\"" + id + "\"}");
        assertThat(caller.waitFor(60, TimeUnit.SECONDS) && caller.exitValue() == 0)
                .as("SIPp: " + scenario + ":\n" + SipJourneyTest.read(dir.resolve(customer + ".err"))
                        + "\n" + SipJourneyTest.read(dir.resolve(customer + ".out"))
                        + "\nmessages:\n" + SipJourneyTest.read(dir.resolve(customer + "-messages.log")))
                .isTrue();
    }

    private void englishCallerSpeaks(Path dir, ServerProcess server, WebSession alice) throws Exception {
        Path iLostMyCard = dir.resolve("tts").resolve("caller");
        Path lost = Speech.espeak(iLostMyCard).speak("I lost my card", Language.EN);
        SpeechRecognizer english = Speech.pocketsphinx(dir.resolve("asr"));
        try (IvrCallerMedia phone = new IvrCallerMedia();
             ConsoleSocket console = ready(alice)) {
            Process caller = call(dir, server, "smith", phone, INFO_SEVEN);
            try {
                int mark = phone.mark();
                await("smith pressed 7 by SIP INFO and hears that it is not an option, and the menu")
                        .atMost(WAIT).until(() -> SipJourneyTest.read(dir.resolve("smith-actions.log"))
                                .contains("CUSTOMER IN IVR") && phone.promptEnded(mark));
                Set<String> recognised = recognised(english, phone.samples(mark), List.of("welcome to the bank",
                        "for english press three", "sorry that is not an option", "for a lost card press one",
                        "for account documents press two", "for an advisor press zero or say your question"));
                System.out.println("recognised back: " + recognised);
                assertThat(recognised).as("the English prompts, recognised back by pocketsphinx")
                        .contains("sorry that is not an option").hasSizeGreaterThanOrEqualTo(2);

                int answer = phone.mark();
                phone.say(lost);
                await("smith hears the lost-card answer").atMost(WAIT).until(() -> phone.promptEnded(answer));
                assertThat(recognised(english, phone.samples(answer), List.of("lock the card immediately in the app",
                        "sorry i did not understand", "for an advisor press zero")))
                        .as("the answer spoken is the lost-card FAQ's").contains("lock the card immediately in the app");

                JsonNode offer = console.await("offer", m -> true, WAIT);
                List<String> lines = new ArrayList<>();
                offer.path("customer").path("transcript").forEach(l -> lines.add(l.path("text").asString()));
                assertThat(lines).as("after 10 s without a key or a word smith goes to alice, with the transcript")
                        .contains("[7] ?", "a lost card", "no input for 10 s")
                        .anyMatch(l -> l.startsWith("Lock the card immediately in the app") && l.contains("More in the app."));
                acceptAnswerAndHangUp(console, offer, dir, "smith", caller, "INVITE/auth/183/INFO 200/200/ACK/BYE");
            } finally {
                caller.destroyForcibly();
            }
        }
    }

    /** Each sentence heard (cut at 200 ms pauses), as pocketsphinx recognises it against the expected sentences. */
    private static Set<String> recognised(SpeechRecognizer english, short[] heard, List<String> sentences) {
        Set<String> out = new LinkedHashSet<>();
        Endpointer cut = new Endpointer(300, 10, 400);
        for (int at = 0; at + 160 <= heard.length + 160 * 20; at += 160) {
            short[] frame = at + 160 <= heard.length ? java.util.Arrays.copyOfRange(heard, at, at + 160) : new short[160];
            Optional<short[]> sentence = cut.frame(frame);
            sentence.flatMap(s -> english.recognize(s, Language.EN, sentences)).ifPresent(out::add);
        }
        return out;
    }

    private static ConsoleSocket ready(WebSession advisor) throws Exception {
        ConsoleSocket console = ConsoleSocket.open(advisor, "/ws/agent");
        console.ready(WAIT);
        return console;
    }

    private static Process call(Path dir, ServerProcess server, String customer, IvrCallerMedia phone, String info)
            throws Exception {
        Path scenario = dir.resolve("customer-ivr-" + customer + ".xml");
        Files.writeString(scenario, Files.readString(NodeScript.REPO.resolve("server/src/test/resources/sipp/customer-ivr.xml"))
                .replace("<!--INFO-->", info));
        Path injection = dir.resolve(customer + ".csv");
        Files.writeString(injection, "SEQUENTIAL\n0;" + customer + ";" + phone.port() + ";\n");
        return SipJourneyTest.sipp(dir, customer, scenario, "-inf", injection.toString(), "-s", "general",
                "-au", customer, "-ap", "phone-" + customer + "-1234", "-m", "1", "-trace_logs",
                "-trace_msg", "-message_file", dir.resolve(customer + "-messages.log").toString(),
                "-log_file", dir.resolve(customer + "-actions.log").toString(),
                "-p", String.valueOf(ServerProcess.freeUdpPort()), "-mp", String.valueOf(ServerProcess.freeUdpPort()),
                "127.0.0.1:" + server.sipPort);
    }
}

package org.mvtm.chatbot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation command ({@code bin/chatbot-eval}) run as its own process, as a user runs it. */
class ChatbotEvalCommandTest {
    private static final String KB = """
            faq_id,language,question,answer
            lost_card,en,I lost my card,Freeze it in the app.
            lost_card,en,My card was stolen,
            lost_card,en,Where is my card? I can't find it,
            fx_rate,en,What is today's exchange rate?,See the FX page.
            fx_rate,en,How much is one US dollar in Hong Kong dollars?,
            fx_rate,en,Currency conversion rate,
            hours,en,When are your branches open?,9 to 5.
            hours,en,Opening hours on Saturday,
            hours,en,Are you open on public holidays?,
            """;
    private static final String QUERIES = """
            text,expected_faq_id
            someone stole my credit card,lost_card
            what rate do you give for euros,fx_rate
            what time does the branch close,hours
            who won the football match last night,
            """;

    private record Run(int exit, String out, String err) {
    }

    @Test
    void printsOneJsonObjectWithAccuracyCoverageFalseAnswersAndLatencyForHybridAndThePlainBm25Baseline(@TempDir Path dir)
            throws Exception {
        Path kb = Files.writeString(dir.resolve("kb.csv"), KB);
        Path q = Files.writeString(dir.resolve("q.csv"), QUERIES);

        Run hybrid = run("--kb", kb.toString(), "--queries", q.toString());
        Run baseline = run("--kb", kb.toString(), "--queries", q.toString(), "--baseline", "bm25");

        for (Run r : List.of(hybrid, baseline)) {
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out().strip()).as("exactly one JSON line on stdout").doesNotContain("\n")
                    .matches("\\{\"mode\":\"[a-z_0-9]+\",\"n\":4,\"outOfScope\":1,\"top1\":[01]\\.\\d{4},"
                            + "\"mrr\":[01]\\.\\d{4},\"coverage\":[01]\\.\\d{4},\"falseAnswerRate\":[01]\\.\\d{4},"
                            + "\"selectiveAccuracy\":[01]\\.\\d{4},\"p50Ms\":\\d+\\.\\d{2},\"p99Ms\":\\d+\\.\\d{2}}");
        }
        assertThat(hybrid.out()).contains("\"mode\":\"hybrid\"").contains("\"top1\":1.0000")
                .as("the football question gets no FAQ").contains("\"falseAnswerRate\":0.0000");
        assertThat(baseline.out()).contains("\"mode\":\"plain_bm25\"");
    }

    @Test
    void aMissingQueryFileOrAnUnknownOptionExitsWithTwoAndSaysWhy(@TempDir Path dir) throws Exception {
        Run missing = run("--queries", dir.resolve("nope.csv").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read queries").contains("nope.csv").contains("usage:");
        assertThat(missing.out()).isEmpty();

        Run unknown = run("--baseline", "tfidf", "--queries", "x.csv");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown baseline 'tfidf'");
    }

    /** The test classpath without logback, as bin/chatbot-eval runs it (SLF4J then logs nothing to stdout). */
    private static String commandClasspath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.contains("logback")).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", commandClasspath(),
                ChatbotEval.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("chatbot-eval did not finish");
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}

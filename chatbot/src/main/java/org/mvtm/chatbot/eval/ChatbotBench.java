package org.mvtm.chatbot.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mvtm.chatbot.api.Assistant;
import org.mvtm.chatbot.api.AssistantConfig;
import org.mvtm.chatbot.api.Assistants;
import org.mvtm.chatbot.api.RetrievalMode;
import org.mvtm.core.event.InProcessEventBus;
import org.mvtm.core.id.ConversationId;

/**
 * Start-up time and answer latency of the assistant on the shipped knowledge base, hybrid against the BM25-only
 * baseline in the same run. Each reply goes through the whole dialogue path (sanitise, detect, rank, decide) in a
 * fresh conversation. Usage: {@code ChatbotBench <queries.csv> <replies per mode> <markdown output>}.
 */
public final class ChatbotBench {
    private ChatbotBench() {
    }

    public static void main(String[] args) throws Exception {
        Path queriesFile = Path.of(args[0]);
        int replies = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        List<String> texts = new ArrayList<>();
        Evaluation.readQueries(queriesFile).forEach(q -> texts.add(q.text()));
        texts.addAll(List.of("I lost my credit card", "How do I send money to the UK?", "what is your swift code",
                "my card was declined at a shop", "How can I increase my credit limit?", "forgot my app password",
                "is the branch open on saturday", "what's the fee for an overseas transfer",
                "I think I got a phishing sms", "how do I buy funds"));
        StringBuilder md = new StringBuilder();
        md.append("# chatbot benchmark\n\n");
        md.append("Command: `bench/chatbot.sh` (one line). Machine: ").append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs, load average at start ").append(loadAverage()).append(", JDK ")
                .append(System.getProperty("java.version")).append(".\n\n");
        md.append("Each measured reply is `Assistant.reply` in a fresh conversation over ").append(texts.size())
                .append(" mixed en/zh/yue queries (the held-out zh/yue paraphrases plus English questions), after ")
                .append("50 warm-up replies. Baseline = the same assistant with `RetrievalMode.BM25` (per-language ")
                .append("BM25, no embedding model), measured in the same run.\n\n");
        md.append("| mode | start-up (first, cold JVM) | start-up (second) | replies | p50 ms | p99 ms | max ms |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (RetrievalMode mode : List.of(RetrievalMode.HYBRID, RetrievalMode.BM25)) {
            AssistantConfig config = AssistantConfig.defaults().withRetrieval(mode).withReloadInterval(Duration.ZERO);
            long t0 = System.nanoTime();
            Assistant first = Assistants.create(config, Clock.systemUTC(), new InProcessEventBus());
            double cold = (System.nanoTime() - t0) / 1e6;
            first.close();
            t0 = System.nanoTime();
            double[] ms;
            double warm;
            try (Assistant a = Assistants.create(config, Clock.systemUTC(), new InProcessEventBus())) {
                warm = (System.nanoTime() - t0) / 1e6;
                for (int i = 0; i < 50; i++) {
                    a.reply(ConversationId.random(), texts.get(i % texts.size()));
                }
                ms = new double[replies];
                for (int i = 0; i < replies; i++) {
                    String text = texts.get(i % texts.size());
                    ConversationId id = ConversationId.random();
                    long s = System.nanoTime();
                    a.reply(id, text);
                    ms[i] = (System.nanoTime() - s) / 1e6;
                    a.forget(id);
                }
            }
            String row = String.format(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %d | %.2f | %.2f | %.2f |%n",
                    mode.name().toLowerCase(Locale.ROOT), cold, warm, replies, Evaluation.percentile(ms, 0.5),
                    Evaluation.percentile(ms, 0.99), Evaluation.percentile(ms, 1.0));
            System.out.print(row);
            md.append(row);
        }
        md.append("\nLoad average at end ").append(loadAverage()).append(".\n");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md.toString());
        System.out.println("wrote " + out);
        System.exit(0);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
        } catch (Exception e) {
            return "n/a";
        }
    }
}

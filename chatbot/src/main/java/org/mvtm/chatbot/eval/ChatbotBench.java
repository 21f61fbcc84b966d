package org.mvtm.chatbot.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        List<String> chinese = new ArrayList<>();
        Evaluation.readQueries(queriesFile).forEach(q -> chinese.add(q.text()));
        List<String> english = List.of("I lost my credit card", "How do I send money to the UK?",
                "what is your swift code", "my card was declined at a shop", "How can I increase my credit limit?",
                "forgot my app password", "is the branch open on saturday", "what's the fee for an overseas transfer",
                "I think I got a phishing sms", "how do I buy funds",
                "Someone took money from my account and I don't know who",
                "Can I open an account in Shenzhen without going to Hong Kong?",
                "What documents do I need to open a savings account?", "my salary hasn't arrived yet",
                "How long does a transfer to mainland China take?", "Why was I charged twice for the same purchase?",
                "Can I pay with my card in Macau?", "how much RMB can I convert in one day",
                "I want to cancel a standing instruction", "the app keeps logging me out",
                "is there a charge for withdrawing cash abroad", "what are your hotline numbers",
                "Are branches open when typhoon signal 8 is up?", "how do I activate my new card",
                "Can I change my transaction limit in the app?", "what's today's USD to HKD rate",
                "I'd like to apply for a personal loan", "How does Wealth Management Connect work?",
                "my card is stuck in the ATM", "how do I update my address",
                "I received a call asking for my OTP, is that you?", "can I set up FPS with my phone number",
                "What is the minimum balance to avoid a fee?", "how do I report a lost phone with the banking app",
                "I need a statement for my visa application", "Is my deposit protected?",
                "can I use my card on WeChat Pay", "How do I close my account?",
                "my PIN is locked", "what interest do you pay on time deposits");
        List<String> texts = new ArrayList<>(chinese);
        texts.addAll(english);
        StringBuilder md = new StringBuilder();
        md.append("# chatbot benchmark\n\n");
        md.append("Command: `bench/chatbot.sh` (one line). Machine: ").append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs, load average at start ").append(loadAverage()).append(", JDK ")
                .append(System.getProperty("java.version")).append(".\n\n");
        md.append("Each measured reply is `Assistant.reply` in a fresh conversation over ").append(texts.size())
                .append(" queries in turn: the ").append(chinese.size()).append(" held-out zh/yue paraphrases and ")
                .append(english.size()).append(" English questions, after 50 warm-up replies. The English rows are ")
                .append("the replies to the English questions alone: they pay for two embedding models (bge and the ")
                .append("MiniLM view of the intent head), the Chinese ones for one. Baseline = the same assistant ")
                .append("with `RetrievalMode.BM25` (per-language BM25, no embedding model), measured in the same ")
                .append("run.\n\n");
        md.append("| mode | queries | start-up (first, cold JVM) | start-up (second) | replies | p50 ms | p99 ms | max ms |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        Map<RetrievalMode, double[]> percentiles = new EnumMap<>(RetrievalMode.class);
        for (RetrievalMode mode : List.of(RetrievalMode.HYBRID, RetrievalMode.BM25)) {
            AssistantConfig config = AssistantConfig.defaults().withRetrieval(mode).withReloadInterval(Duration.ZERO);
            long t0 = System.nanoTime();
            Assistant first = Assistants.create(config, Clock.systemUTC(), new InProcessEventBus());
            double cold = (System.nanoTime() - t0) / 1e6;
            first.close();
            t0 = System.nanoTime();
            double[] ms;
            List<Double> englishMs = new ArrayList<>();
            List<Double> chineseMs = new ArrayList<>();
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
                    (i % texts.size() < chinese.size() ? chineseMs : englishMs).add(ms[i]);
                    a.forget(id);
                }
            }
            String name = mode.name().toLowerCase(Locale.ROOT);
            String rows = row(name, "all", String.format(Locale.ROOT, "%.0f ms", cold),
                    String.format(Locale.ROOT, "%.0f ms", warm), ms)
                    + row(name, "en", "", "", englishMs.stream().mapToDouble(Double::doubleValue).toArray())
                    + row(name, "zh/yue", "", "", chineseMs.stream().mapToDouble(Double::doubleValue).toArray());
            System.out.print(rows);
            md.append(rows);
            percentiles.put(mode, new double[] {Evaluation.percentile(ms, 0.5), Evaluation.percentile(ms, 0.99)});
        }
        double[] h = percentiles.get(RetrievalMode.HYBRID);
        double[] b = percentiles.get(RetrievalMode.BM25);
        md.append(String.format(Locale.ROOT, "%nRatio hybrid / BM25 baseline, same run, all queries: p50 %.1f×, p99 %.1f×.%n",
                h[0] / b[0], h[1] / b[1]));
        md.append("\nLoad average at end ").append(loadAverage()).append(".\n");
        Files.createDirectories(out.toAbsolutePath().getParent());
        // keep the hand-written reading of the numbers, if the page has one
        if (Files.exists(out)) {
            String previous = Files.readString(out);
            int notes = previous.indexOf("\n## Reading the numbers");
            if (notes >= 0) {
                md.append(previous.substring(notes));
            }
        }
        Files.writeString(out, md.toString());
        System.out.println("wrote " + out);
        System.exit(0);
    }

    private static String row(String mode, String queries, String cold, String warm, double[] ms) {
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %.2f | %.2f | %.2f |%n", mode, queries, cold, warm,
                ms.length, Evaluation.percentile(ms, 0.5), Evaluation.percentile(ms, 0.99),
                Evaluation.percentile(ms, 1.0));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
        } catch (Exception e) {
            return "n/a";
        }
    }
}

package org.mvtm.chatbot;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.mvtm.chatbot.kb.CsvReader;

/**
 * BANKING77 read from {@code ${mvtm.shared.dir}/datasets/banking77/train.csv} (never copied into the repo): the
 * first {@code shots} rows of each intent become the knowledge base, a seeded sample of the other rows the queries.
 */
public final class Banking77 {
    public record Row(String text, String intent) {
    }

    public final List<Row> kb = new ArrayList<>();
    public final List<Row> rest = new ArrayList<>();

    public static Path trainCsv() {
        String shared = System.getProperty("mvtm.shared.dir");
        if (shared == null) {
            throw new AssertionError("system property mvtm.shared.dir is not set (surefire sets it to ../shared)");
        }
        Path p = Path.of(shared, "datasets", "banking77", "train.csv");
        if (!Files.isRegularFile(p)) {
            throw new AssertionError("BANKING77 is missing: expected " + p.toAbsolutePath()
                    + " (the shared datasets folder next to the repository)");
        }
        return p;
    }

    public static Banking77 load(int shots) throws IOException {
        Banking77 b = new Banking77();
        Map<String, Integer> seen = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(trainCsv())) {
            List<CsvReader.Record> records = new CsvReader("banking77").read(r);
            for (CsvReader.Record rec : records.subList(1, records.size())) {
                Row row = new Row(rec.fields().get(0), rec.fields().get(1));
                int n = seen.merge(row.intent(), 1, Integer::sum);
                (n <= shots ? b.kb : b.rest).add(row);
            }
        }
        return b;
    }

    public List<Row> sample(int n, long seed) {
        List<Row> copy = new ArrayList<>(rest);
        Collections.shuffle(copy, new Random(seed));
        return copy.subList(0, Math.min(n, copy.size()));
    }

    /** The knowledge base as CSV text: one FAQ per intent, answer = intent name. */
    public String kbCsv() {
        StringBuilder sb = new StringBuilder("faq_id,language,question,answer\n");
        for (Row r : kb) {
            sb.append(r.intent()).append(",en,\"").append(r.text().replace("\"", "\"\"")).append("\",")
                    .append(r.intent()).append('\n');
        }
        return sb.toString();
    }
}

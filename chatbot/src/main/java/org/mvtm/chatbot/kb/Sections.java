package org.mvtm.chatbot.kb;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mvtm.chatbot.api.KnowledgeBaseLanguage;

/**
 * The knowledge base as one CSV text per language, the form an administrator uploads and downloads. Splitting the
 * shipped (or configured) files gives each FAQ's product on its first row in every language, so each file stands
 * on its own; joining them gives the {@link KnowledgeBase} the assistant indexes.
 */
public final class Sections {
    static final List<String> HEADER = List.of("faq_id", "language", "question", "answer", "product");

    private Sections() {
    }

    /** The header line every section starts with. */
    public static String header() {
        return String.join(",", HEADER) + "\n";
    }

    /** Splits files of the loader's format (each list starts with its header record) into one CSV per language. */
    public static Map<KnowledgeBaseLanguage, String> split(List<List<CsvReader.Record>> files) {
        Map<String, String> products = new LinkedHashMap<>();
        List<List<String>> rows = new ArrayList<>();
        for (List<CsvReader.Record> file : files) {
            for (CsvReader.Record r : file.subList(1, file.size())) {
                List<String> f = r.fields();
                String product = f.size() > 4 ? f.get(4).trim() : "";
                if (!product.isEmpty()) {
                    products.putIfAbsent(f.get(0).trim(), product);
                }
                rows.add(f);
            }
        }
        Map<KnowledgeBaseLanguage, CsvWriter> writers = new EnumMap<>(KnowledgeBaseLanguage.class);
        Map<KnowledgeBaseLanguage, Set<String>> seen = new EnumMap<>(KnowledgeBaseLanguage.class);
        for (List<String> f : rows) {
            KnowledgeBaseLanguage l = KnowledgeBaseLanguage.ofTag(f.get(1).trim()).orElseThrow();
            String id = f.get(0).trim();
            boolean first = seen.computeIfAbsent(l, k -> new HashSet<>()).add(id);
            writers.computeIfAbsent(l, k -> new CsvWriter().row(HEADER))
                    .row(List.of(id, l.tag(), f.get(2), f.get(3), first ? products.getOrDefault(id, "") : ""));
        }
        Map<KnowledgeBaseLanguage, String> out = new EnumMap<>(KnowledgeBaseLanguage.class);
        writers.forEach((l, w) -> out.put(l, w.toString()));
        return out;
    }

    /** Joins the languages into the knowledge base the assistant answers from. */
    public static KnowledgeBase join(Map<KnowledgeBaseLanguage, String> sections) {
        KnowledgeBase.Builder builder = new KnowledgeBase.Builder();
        sections.forEach((l, csv) -> {
            List<CsvReader.Record> records = read(l.pathName() + ".csv", csv);
            if (records.size() > 1) {
                builder.add(l.pathName() + ".csv", records);
            }
        });
        return builder.build();
    }

    static List<CsvReader.Record> read(String name, String csv) {
        try {
            return new CsvReader(name).read(new StringReader(csv));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

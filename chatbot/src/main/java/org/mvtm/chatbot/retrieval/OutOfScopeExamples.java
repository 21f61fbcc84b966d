package org.mvtm.chatbot.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.mvtm.chatbot.api.KnowledgeBaseException;
import org.mvtm.chatbot.kb.CsvReader;
import org.mvtm.core.Language;

/**
 * Generic questions a bank's assistant must not answer (weather, share tips, travel, jokes, sport, other banks'
 * products), per language: {@code classpath:kb/out-of-scope.csv}, header {@code language,question} with
 * {@code en}, {@code zh} or {@code yue}. They ship with the module and serve every knowledge base; they are never
 * indexed as FAQs, only compared with the customer's question ({@link Engine#rank}).
 */
public final class OutOfScopeExamples {
    /** One example. */
    public record Example(Language language, String text) {
    }

    private OutOfScopeExamples() {
    }

    public static List<Example> shipped() {
        try (InputStream in = OutOfScopeExamples.class.getResourceAsStream("/kb/out-of-scope.csv")) {
            if (in == null) {
                throw new IllegalStateException("classpath:kb/out-of-scope.csv is missing from the chatbot jar");
            }
            List<CsvReader.Record> records = new CsvReader("kb/out-of-scope.csv")
                    .read(new InputStreamReader(in, StandardCharsets.UTF_8));
            if (records.isEmpty() || !records.get(0).fields().equals(List.of("language", "question"))) {
                throw new KnowledgeBaseException("kb/out-of-scope.csv line 1: header must be language,question");
            }
            List<Example> out = new ArrayList<>();
            for (CsvReader.Record r : records.subList(1, records.size())) {
                Language l = switch (r.fields().get(0)) {
                    case "en" -> Language.EN;
                    case "zh" -> Language.ZH;
                    case "yue" -> Language.YUE;
                    default -> throw new KnowledgeBaseException("kb/out-of-scope.csv line " + r.line()
                            + ": unknown language '" + r.fields().get(0) + "'");
                };
                out.add(new Example(l, r.fields().get(1)));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

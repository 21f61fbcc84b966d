package org.mvtm.chatbot.kb;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.mvtm.chatbot.api.KnowledgeBaseException;
import org.mvtm.chatbot.api.KnowledgeBaseLanguage;
import org.mvtm.chatbot.api.KnowledgeBaseProblem;
import org.mvtm.core.Product;

/**
 * Checks one language's CSV as an administrator uploads it and lists every problem with its row and column. Stricter
 * than the file loader, because a person edits these files in a spreadsheet: every row must belong to the file's
 * language, an FAQ's rows stay together and its first row carries the answer, an id is not reused for a second FAQ,
 * a question is not asked twice, and an FAQ's product agrees with the other languages' files.
 */
public final class SectionValidator {
    static final int MAX_QUESTION_CHARS = 500;
    static final int MAX_ANSWER_CHARS = 4000;
    static final int MAX_PROBLEMS = 100;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final String HEADER_TEXT = String.join(",", Sections.HEADER);

    /** The outcome: the decoded text (BOM removed) and counts when there are no problems. */
    public record Result(List<KnowledgeBaseProblem> problems, String text, int faqs, int questions) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private SectionValidator() {
    }

    /**
     * @param others the CSV of the other languages the upload will be published with (for product agreement)
     */
    public static Result check(KnowledgeBaseLanguage language, byte[] bytes, Map<KnowledgeBaseLanguage, String> others) {
        List<KnowledgeBaseProblem> problems = new ArrayList<>();
        String text = decode(bytes, problems);
        if (text == null) {
            return new Result(problems, "", 0, 0);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<CsvReader.Record> records;
        try {
            records = Sections.read(language.pathName() + ".csv", text);
        } catch (CsvReader.SyntaxError e) {
            problems.add(KnowledgeBaseProblem.at(e.line(), null, "bad quoting: " + e.what()));
            return new Result(problems, text, 0, 0);
        }
        if (records.isEmpty()) {
            problems.add(KnowledgeBaseProblem.at(0, null, "the file is empty; the first row must be the header "
                    + HEADER_TEXT));
            return new Result(problems, text, 0, 0);
        }
        List<String> header = records.get(0).fields().stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
        if (!header.equals(Sections.HEADER) && !header.equals(Sections.HEADER.subList(0, 4))) {
            problems.add(KnowledgeBaseProblem.at(records.get(0).line(), null, "the header must be " + HEADER_TEXT
                    + " (product may be left out) but was " + String.join(",", header)));
            return new Result(problems, text, 0, 0);
        }
        Map<String, Product> otherProducts = productsOf(others, language);
        Rows rows = new Rows(language, header.size(), otherProducts, problems);
        for (CsvReader.Record r : records.subList(1, records.size())) {
            rows.check(r);
            if (problems.size() >= MAX_PROBLEMS) {
                problems.add(KnowledgeBaseProblem.at(0, null, "more problems not listed; fix these first"));
                break;
            }
        }
        if (problems.isEmpty() && rows.faqs.isEmpty() && language != KnowledgeBaseLanguage.ANY) {
            problems.add(KnowledgeBaseProblem.at(0, null, "the file has no FAQ rows (a " + language.tag()
                    + " file must keep at least one FAQ)"));
        }
        return new Result(problems, text, rows.faqs.size(), rows.questions);
    }

    /** Row-by-row state: where each FAQ started, which FAQ the previous row belonged to, questions seen. */
    private static final class Rows {
        private final KnowledgeBaseLanguage language;
        private final int columns;
        private final Map<String, Product> otherProducts;
        private final List<KnowledgeBaseProblem> problems;
        private final Map<String, Integer> faqs = new LinkedHashMap<>();
        private final Map<String, Product> products = new HashMap<>();
        private final Map<String, Integer> questionsSeen = new HashMap<>();
        private String previous;
        private int questions;

        Rows(KnowledgeBaseLanguage language, int columns, Map<String, Product> otherProducts,
             List<KnowledgeBaseProblem> problems) {
            this.language = language;
            this.columns = columns;
            this.otherProducts = otherProducts;
            this.problems = problems;
        }

        void check(CsvReader.Record r) {
            int row = r.line();
            List<String> f = r.fields();
            if (f.size() != columns) {
                problem(row, null, "expected " + columns + " columns but found " + f.size()
                        + (f.size() > columns ? " (a comma inside a field needs quotes around the field)" : ""));
                return;
            }
            String id = f.get(0).trim();
            String tag = f.get(1).trim();
            String question = f.get(2).strip();
            String answer = f.get(3).strip();
            if (id.isEmpty()) {
                problem(row, "faq_id", "empty");
            } else if (!ID.matcher(id).matches()) {
                problem(row, "faq_id", "'" + id + "' may only hold letters, digits, '_', '-' and '.' (at most 64)");
            }
            if (KnowledgeBaseLanguage.ofTag(tag).isEmpty()) {
                problem(row, "language", "unknown language '" + tag + "' (en, zh, yue or *)");
            } else if (!tag.equals(language.tag())) {
                problem(row, "language", "'" + tag + "' in the " + language.tag() + " file (upload it with the "
                        + tag + " file)");
            }
            if (question.length() > MAX_QUESTION_CHARS) {
                problem(row, "question", question.length() + " characters (at most " + MAX_QUESTION_CHARS + ")");
            }
            if (answer.length() > MAX_ANSWER_CHARS) {
                problem(row, "answer", answer.length() + " characters (at most " + MAX_ANSWER_CHARS + ")");
            }
            if (question.isEmpty() && answer.isEmpty()) {
                problem(row, "question", "empty, and so is the answer");
            }
            if (id.isEmpty()) {
                return;
            }
            Integer started = faqs.get(id);
            if (started == null) {
                faqs.put(id, row);
                if (answer.isEmpty()) {
                    problem(row, "answer", "empty (the first row of faq " + id + " gives its answer)");
                }
            } else if (!id.equals(previous)) {
                problem(row, "faq_id", "duplicate id " + id + ": faq " + id + " began at row " + started
                        + " and other FAQs came between (keep an FAQ's rows together, or give this FAQ its own id)");
            } else if (!answer.isEmpty()) {
                problem(row, "faq_id", "duplicate id " + id + ": row " + started + " already gives its answer");
            }
            previous = id;
            if (!question.isEmpty()) {
                questions++;
                String key = question.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                Integer earlier = questionsSeen.putIfAbsent(key, row);
                if (earlier != null) {
                    problem(row, "question", "duplicate of row " + earlier);
                }
            }
            String productName = f.size() > 4 ? f.get(4).trim() : "";
            if (!productName.isEmpty()) {
                Product p;
                try {
                    p = Product.fromName(productName);
                } catch (IllegalArgumentException e) {
                    problem(row, "product", e.getMessage());
                    return;
                }
                Product before = products.putIfAbsent(id, p);
                Product other = otherProducts.get(id);
                if (before != null && before != p) {
                    problem(row, "product", "faq " + id + " is already " + productName(before) + " in this file");
                } else if (other != null && other != p) {
                    problem(row, "product", "faq " + id + " is " + productName(other)
                            + " in another language's file; one FAQ has one product");
                }
            }
        }

        private void problem(int row, String column, String message) {
            problems.add(KnowledgeBaseProblem.at(row, column, message));
        }
    }

    private static String productName(Product p) {
        return p.skillName().substring(p.skillName().indexOf('.') + 1);
    }

    /** The products the other languages' files give their FAQs. */
    private static Map<String, Product> productsOf(Map<KnowledgeBaseLanguage, String> sections,
                                                   KnowledgeBaseLanguage except) {
        Map<String, Product> out = new HashMap<>();
        sections.forEach((l, csv) -> {
            if (l == except) {
                return;
            }
            try {
                List<CsvReader.Record> records = Sections.read(l.pathName() + ".csv", csv);
                for (CsvReader.Record r : records.subList(Math.min(1, records.size()), records.size())) {
                    if (r.fields().size() > 4 && !r.fields().get(4).isBlank()) {
                        out.putIfAbsent(r.fields().get(0).trim(), Product.fromName(r.fields().get(4)));
                    }
                }
            } catch (KnowledgeBaseException | IllegalArgumentException e) {
                // the other languages were validated when they were uploaded
            }
        });
        return out;
    }

    /** Strict UTF-8; on bad bytes, the problem names the row (line) they are on. */
    private static String decode(byte[] bytes, List<KnowledgeBaseProblem> problems) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = utf8.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            problems.add(KnowledgeBaseProblem.at(line, null, "not valid UTF-8 (byte " + (in.position() + 1)
                    + "); save the file as CSV UTF-8"));
            return null;
        }
        utf8.flush(out);
        return out.flip().toString();
    }
}

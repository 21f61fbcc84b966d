package org.mvtm.chatbot.kb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mvtm.chatbot.api.KnowledgeBaseException;
import org.mvtm.core.Product;

/** An immutable set of FAQs built from CSV records. */
public final class KnowledgeBase {
    static final List<String> HEADER = List.of("faq_id", "language", "question", "answer");
    private static final Set<String> TAGS = Set.of("en", "zh", "yue", "*");

    private final Map<String, Faq> faqs;
    private final List<Faq.Variant> variants;

    private KnowledgeBase(Map<String, Faq> faqs) {
        this.faqs = Map.copyOf(faqs);
        List<Faq.Variant> all = new ArrayList<>();
        faqs.values().forEach(f -> all.addAll(f.variants()));
        this.variants = List.copyOf(all);
    }

    public Optional<Faq> faq(String id) {
        return Optional.ofNullable(faqs.get(id));
    }

    public Collection<Faq> faqs() {
        return faqs.values();
    }

    public List<Faq.Variant> variants() {
        return variants;
    }

    public int size() {
        return faqs.size();
    }

    /** Accumulates records of one or more files; {@link #build()} checks that every FAQ has an answer. */
    public static final class Builder {
        private final Map<String, List<Faq.Variant>> variants = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> answers = new LinkedHashMap<>();
        private final Map<String, Product> products = new LinkedHashMap<>();
        private final Map<String, String> firstSeen = new LinkedHashMap<>();

        /** Adds the records of one file; the first record must be the header. */
        public Builder add(String source, List<CsvReader.Record> records) {
            if (records.isEmpty()) {
                throw new KnowledgeBaseException(source + ": empty file, expected the header "
                        + String.join(",", HEADER));
            }
            List<String> header = records.get(0).fields().stream().map(String::trim).toList();
            boolean withProduct = header.size() == 5 && header.get(4).equals("product");
            if (!header.subList(0, Math.min(4, header.size())).equals(HEADER)
                    || !(header.size() == 4 || withProduct)) {
                throw new KnowledgeBaseException(source + " line 1: header must be "
                        + String.join(",", HEADER) + "[,product] but was " + String.join(",", header));
            }
            for (CsvReader.Record r : records.subList(1, records.size())) {
                String where = source + " line " + r.line() + ": ";
                if (r.fields().size() != header.size()) {
                    throw new KnowledgeBaseException(where + "expected " + header.size() + " fields but found "
                            + r.fields().size());
                }
                String id = r.fields().get(0).trim();
                String tag = r.fields().get(1).trim();
                String question = r.fields().get(2).strip();
                String answer = r.fields().get(3).strip();
                if (id.isEmpty()) {
                    throw new KnowledgeBaseException(where + "faq_id is empty");
                }
                if (!TAGS.contains(tag)) {
                    throw new KnowledgeBaseException(where + "language must be en, zh, yue or * but was '" + tag + "'");
                }
                if (question.isEmpty() && answer.isEmpty()) {
                    throw new KnowledgeBaseException(where + "both question and answer are empty");
                }
                firstSeen.putIfAbsent(id, where);
                if (!question.isEmpty()) {
                    variants.computeIfAbsent(id, k -> new ArrayList<>()).add(new Faq.Variant(id, tag, question));
                }
                if (!answer.isEmpty()) {
                    answers.computeIfAbsent(id, k -> new LinkedHashMap<>()).putIfAbsent(tag, answer);
                }
                if (withProduct && !r.fields().get(4).isBlank()) {
                    Product p;
                    try {
                        p = Product.fromName(r.fields().get(4));
                    } catch (IllegalArgumentException e) {
                        throw new KnowledgeBaseException(where + e.getMessage());
                    }
                    Product before = products.putIfAbsent(id, p);
                    if (before != null && before != p) {
                        throw new KnowledgeBaseException(where + "faq " + id + " is mapped to both " + before
                                + " and " + p);
                    }
                }
            }
            return this;
        }

        public KnowledgeBase build() {
            Map<String, Faq> faqs = new LinkedHashMap<>();
            for (String id : firstSeen.keySet()) {
                Map<String, String> a = answers.get(id);
                if (a == null) {
                    throw new KnowledgeBaseException(firstSeen.get(id) + "faq " + id + " has no answer in any language");
                }
                List<Faq.Variant> v = variants.get(id);
                if (v == null) {
                    throw new KnowledgeBaseException(firstSeen.get(id) + "faq " + id + " has no question");
                }
                faqs.put(id, new Faq(id, Optional.ofNullable(products.get(id)), v, a));
            }
            if (faqs.isEmpty()) {
                throw new KnowledgeBaseException("the knowledge base has no FAQ rows");
            }
            return new KnowledgeBase(faqs);
        }
    }
}

package org.mvtm.chatbot.eval;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mvtm.chatbot.kb.Faq;
import org.mvtm.chatbot.kb.KnowledgeBase;
import org.mvtm.chatbot.kb.KnowledgeBaseSource;
import org.mvtm.chatbot.lang.ChineseNormalizer;
import org.mvtm.chatbot.retrieval.Embedders;
import org.mvtm.chatbot.retrieval.OnnxEmbedder;
import org.mvtm.chatbot.retrieval.Pool;
import org.mvtm.chatbot.retrieval.QueryPreparer;
import org.mvtm.chatbot.retrieval.VectorFile;
import org.mvtm.core.Language;

/**
 * Regenerates {@code src/main/resources/kb/banking-faq.vectors} from the shipped knowledge base so that the
 * assistant starts without embedding 630 questions. Usage: {@code ShippedVectors <output file>}
 * (see {@code bench/chatbot-vectors.sh}).
 */
public final class ShippedVectors {
    private ShippedVectors() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ShippedVectors <output .vectors file>");
            System.exit(2);
        }
        KnowledgeBase kb = new KnowledgeBaseSource(List.of()).load();
        QueryPreparer preparer = new QueryPreparer(new ChineseNormalizer());
        Map<Pool, List<String>> texts = new EnumMap<>(Pool.class);
        for (Faq.Variant v : kb.variants()) {
            switch (v.languageTag()) {
                case "en" -> texts.computeIfAbsent(Pool.EN, p -> new ArrayList<>()).add(v.text());
                case "zh" -> texts.computeIfAbsent(Pool.ZH, p -> new ArrayList<>())
                        .add(preparer.prepare(v.text(), Language.ZH));
                case "yue" -> texts.computeIfAbsent(Pool.ZH, p -> new ArrayList<>())
                        .add(preparer.prepare(v.text(), Language.YUE));
                default -> {
                    texts.computeIfAbsent(Pool.EN, p -> new ArrayList<>()).add(v.text());
                    texts.computeIfAbsent(Pool.ZH, p -> new ArrayList<>())
                            .add(preparer.prepare(v.text(), Language.YUE));
                }
            }
        }
        Map<String, Map<String, float[]>> out = new LinkedHashMap<>();
        try (Embedders embedders = Embedders.loadWithoutPrecomputed()) {
            for (Map.Entry<Pool, List<String>> e : texts.entrySet()) {
                List<String> distinct = e.getValue().stream().distinct().toList();
                List<OnnxEmbedder> models = new ArrayList<>();
                models.add((OnnxEmbedder) embedders.of(e.getKey()));
                embedders.second(e.getKey()).ifPresent(m -> models.add((OnnxEmbedder) m));
                for (OnnxEmbedder model : models) {
                    List<float[]> vectors = model.embedAll(distinct);
                    Map<String, float[]> m = out.computeIfAbsent(model.modelId(), k -> new LinkedHashMap<>());
                    for (int i = 0; i < distinct.size(); i++) {
                        m.put(distinct.get(i), vectors.get(i));
                    }
                }
            }
        }
        Path target = Path.of(args[0]);
        try (OutputStream o = Files.newOutputStream(target)) {
            VectorFile.write(out, o);
        }
        System.out.println("wrote " + out.values().stream().mapToInt(Map::size).sum() + " vectors to " + target);
    }
}

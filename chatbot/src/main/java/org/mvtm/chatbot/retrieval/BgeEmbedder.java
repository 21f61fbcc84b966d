package org.mvtm.chatbot.retrieval;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The in-process BGE small v1.5 models (quantized ONNX, shipped as Maven artifacts): English for the English pool,
 * Chinese for the Chinese pool. Vectors of knowledge-base text are cached in memory so that a reload only embeds
 * new or changed questions.
 */
public final class BgeEmbedder implements TextEmbedder {
    private static final int CACHE_LIMIT = 50_000;

    private final EmbeddingModel model;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();

    private BgeEmbedder(EmbeddingModel model) {
        this.model = model;
    }

    public static BgeEmbedder english(Executor executor) {
        return new BgeEmbedder(new BgeSmallEnV15QuantizedEmbeddingModel(executor));
    }

    public static BgeEmbedder chinese(Executor executor) {
        return new BgeEmbedder(new BgeSmallZhV15QuantizedEmbeddingModel(executor));
    }

    /** Seeds the cache with precomputed vectors (see {@link VectorFile}). */
    public void preload(Map<String, float[]> vectors) {
        cache.putAll(vectors);
    }

    /** Whether the text's vector is already known (precomputed or embedded before). */
    public boolean cached(String text) {
        return cache.containsKey(text);
    }

    @Override
    public float[] embed(String text) {
        return unit(model.embed(text.isBlank() ? "?" : text).content().vector());
    }

    /** Embeds knowledge-base text in parallel on the model's executor, through the cache. */
    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<String> missing = texts.stream().filter(t -> !cache.containsKey(t)).distinct().toList();
        if (!missing.isEmpty()) {
            List<TextSegment> segments = missing.stream().map(t -> TextSegment.from(t.isBlank() ? "?" : t)).toList();
            var vectors = model.embedAll(segments).content();
            if (cache.size() + missing.size() > CACHE_LIMIT) {
                cache.clear();
            }
            for (int i = 0; i < missing.size(); i++) {
                cache.put(missing.get(i), unit(vectors.get(i).vector()));
            }
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(cache.get(t));
        }
        return out;
    }

    static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        n = Math.sqrt(n);
        if (n == 0) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / n);
        }
        return out;
    }
}

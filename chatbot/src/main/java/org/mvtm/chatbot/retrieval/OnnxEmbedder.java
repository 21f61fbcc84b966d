package org.mvtm.chatbot.retrieval;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * An in-process sentence-embedding model (quantized ONNX, shipped as a Maven artifact): BGE small v1.5 English for
 * the English pool, BGE small v1.5 Chinese for the Chinese pool, and all-MiniLM-L6-v2 as the English pool's second
 * view for the {@link IntentHead}. The model files are read from the langchain4j artifacts and run in
 * {@link SingleThreadOnnxModel}s. Vectors of knowledge-base text are cached in memory so that a reload only embeds
 * new or changed questions.
 */
public final class OnnxEmbedder implements TextEmbedder {
    public static final String BGE_SMALL_EN = "bge-small-en-v1.5-q";
    public static final String BGE_SMALL_ZH = "bge-small-zh-v1.5-q";
    public static final String MINILM_L6 = "all-minilm-l6-v2-q";

    private static final int CACHE_LIMIT = 50_000;

    private final String modelId;
    private final EmbeddingModel model;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();

    private OnnxEmbedder(String modelId, EmbeddingModel model) {
        this.modelId = modelId;
        this.model = model;
    }

    public static OnnxEmbedder english(Executor executor) {
        return load(BGE_SMALL_EN, PoolingMode.CLS, 384, executor);
    }

    public static OnnxEmbedder chinese(Executor executor) {
        return load(BGE_SMALL_ZH, PoolingMode.CLS, 512, executor);
    }

    public static OnnxEmbedder englishMiniLm(Executor executor) {
        return load(MINILM_L6, PoolingMode.MEAN, 384, executor);
    }

    private static OnnxEmbedder load(String modelId, PoolingMode pooling, int dimension, Executor executor) {
        return new OnnxEmbedder(modelId, new SingleThreadOnnxModel(modelId + ".onnx", modelId + "-tokenizer.json",
                pooling, dimension, executor));
    }

    /** The model's name, the key of its vectors in a {@link VectorFile}. */
    public String modelId() {
        return modelId;
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

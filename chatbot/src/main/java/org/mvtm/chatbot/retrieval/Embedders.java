package org.mvtm.chatbot.retrieval;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * The sentence-embedding models, loaded in parallel, with the small executor they use to embed a knowledge base in
 * parallel at start-up and reload. Each pool has a primary model (its vectors are indexed for nearest-neighbour
 * search); the English pool also has a second view (all-MiniLM-L6-v2) that only feeds the {@link IntentHead}.
 * {@link #close()} stops the executor.
 */
public final class Embedders implements AutoCloseable {
    private final ExecutorService executor;
    private final TextEmbedder english;
    private final TextEmbedder englishSecond;
    private final TextEmbedder chinese;

    private Embedders(ExecutorService executor, TextEmbedder english, TextEmbedder englishSecond,
                      TextEmbedder chinese) {
        this.executor = executor;
        this.english = english;
        this.englishSecond = englishSecond;
        this.chinese = chinese;
    }

    /** Loads the models and seeds them with the shipped knowledge base's precomputed vectors. */
    public static Embedders load() {
        return load(true);
    }

    /** Loads the models with empty caches (to regenerate the precomputed vectors). */
    public static Embedders loadWithoutPrecomputed() {
        return load(false);
    }

    private static Embedders load(boolean precomputed) {
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService executor = Executors.newFixedThreadPool(
                threads, Thread.ofPlatform().name("chatbot-embed-", 1).daemon().factory());
        CompletableFuture<OnnxEmbedder> zh = CompletableFuture.supplyAsync(() -> OnnxEmbedder.chinese(executor), executor);
        CompletableFuture<OnnxEmbedder> second =
                CompletableFuture.supplyAsync(() -> OnnxEmbedder.englishMiniLm(executor), executor);
        OnnxEmbedder en = OnnxEmbedder.english(executor);
        Map<String, Map<String, float[]>> shipped = precomputed ? VectorFile.shipped() : Map.of();
        List<OnnxEmbedder> all = List.of(en, second.join(), zh.join());
        for (OnnxEmbedder e : all) {
            e.preload(shipped.getOrDefault(e.modelId(), Map.of()));
        }
        return new Embedders(executor, all.get(0), all.get(1), all.get(2));
    }

    /** For tests: any embedders, without a second English view. */
    public static Embedders of(TextEmbedder english, TextEmbedder chinese) {
        return new Embedders(Executors.newSingleThreadExecutor(), english, null, chinese);
    }

    /** The pool's primary model, whose vectors are indexed. */
    public TextEmbedder of(Pool pool) {
        return pool == Pool.EN ? english : chinese;
    }

    /** The pool's second view for the intent head, if it has one. */
    public Optional<TextEmbedder> second(Pool pool) {
        return pool == Pool.EN ? Optional.ofNullable(englishSecond) : Optional.empty();
    }

    /**
     * Starts embedding a query with the pool's second view on the models' executor, so that it runs beside the
     * primary model on the caller's thread; empty when the pool has no second view.
     */
    public Optional<CompletableFuture<float[]>> secondAsync(Pool pool, String text) {
        return second(pool).map(m -> {
            try {
                return CompletableFuture.supplyAsync(() -> m.embed(text), executor);
            } catch (RejectedExecutionException closed) {
                return CompletableFuture.completedFuture(m.embed(text));
            }
        });
    }

    /** Every loaded model, for regenerating precomputed vectors. */
    public List<TextEmbedder> all() {
        return englishSecond == null ? List.of(english, chinese) : List.of(english, englishSecond, chinese);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

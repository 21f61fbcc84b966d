package org.mvtm.chatbot.retrieval;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The English and Chinese embedding models, loaded in parallel, with the small executor they use to embed a
 * knowledge base in parallel at start-up and reload. {@link #close()} stops that executor.
 */
public final class Embedders implements AutoCloseable {
    private final ExecutorService executor;
    private final TextEmbedder english;
    private final TextEmbedder chinese;

    private Embedders(ExecutorService executor, TextEmbedder english, TextEmbedder chinese) {
        this.executor = executor;
        this.english = english;
        this.chinese = chinese;
    }

    /** Loads both models and seeds them with the shipped knowledge base's precomputed vectors. */
    public static Embedders load() {
        return load(true);
    }

    /** Loads both models with empty caches (to regenerate the precomputed vectors). */
    public static Embedders loadWithoutPrecomputed() {
        return load(false);
    }

    private static Embedders load(boolean precomputed) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "chatbot-embed-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService executor = Executors.newFixedThreadPool(threads, tf);
        CompletableFuture<BgeEmbedder> zh = CompletableFuture.supplyAsync(() -> BgeEmbedder.chinese(executor), executor);
        BgeEmbedder en = BgeEmbedder.english(executor);
        Map<Pool, Map<String, float[]>> shipped = precomputed ? VectorFile.shipped() : Map.of();
        en.preload(shipped.getOrDefault(Pool.EN, Map.of()));
        BgeEmbedder chinese = zh.join();
        chinese.preload(shipped.getOrDefault(Pool.ZH, Map.of()));
        return new Embedders(executor, en, chinese);
    }

    /** For tests: any embedders. */
    public static Embedders of(TextEmbedder english, TextEmbedder chinese) {
        return new Embedders(Executors.newSingleThreadExecutor(), english, chinese);
    }

    public TextEmbedder of(Pool pool) {
        return pool == Pool.EN ? english : chinese;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

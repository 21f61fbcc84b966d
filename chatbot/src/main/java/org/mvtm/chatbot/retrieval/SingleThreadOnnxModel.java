package org.mvtm.chatbot.retrieval;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

/**
 * A BERT-style sentence encoder from a langchain4j model artifact, run in an ONNX Runtime session with one intra-op
 * thread. The artifacts' own model classes use ONNX Runtime's default, a thread per core for every call: on two
 * cores a short query then pays for thread hand-offs, and two models asked at once (the English pool's two views)
 * fight over the same cores. Measured on this 2-core machine for bge + MiniLM per English query: p50 14.5 ms and
 * p99 40 ms with the defaults one after the other; p50 7.3 ms and p99 23 ms with one thread each, side by side.
 * Parallelism across texts (knowledge-base embedding) comes from the executor instead.
 */
final class SingleThreadOnnxModel extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;
    private final int dimension;

    SingleThreadOnnxModel(String modelResource, String tokenizerResource, PoolingMode pooling, int dimension,
                          Executor executor) {
        super(executor);
        this.dimension = dimension;
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             InputStream tokenizer = resource(tokenizerResource)) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            byte[] model;
            try (InputStream in = resource(modelResource)) {
                model = in.readAllBytes();
            }
            OrtSession session = environment.createSession(model, options);
            this.encoder = new OnnxBertBiEncoder(environment, session, tokenizer, pooling);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model " + modelResource, e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the embedding model " + modelResource, e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = SingleThreadOnnxModel.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the classpath (is its langchain4j-embeddings artifact missing?)");
        }
        return in;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return dimension;
    }
}

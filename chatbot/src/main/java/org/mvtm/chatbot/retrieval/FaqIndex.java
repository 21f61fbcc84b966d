package org.mvtm.chatbot.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The in-memory Lucene index of all question variants: per-pool analysed text (BM25), the raw text under a plain
 * StandardAnalyzer (baseline) and per-pool {@link KnnFloatVectorField}s (dot product of unit vectors = cosine).
 * Immutable after construction; searches are thread-safe.
 */
public final class FaqIndex implements AutoCloseable {
    private static final String FAQ = "faq";
    private static final String POOL = "pool";
    private static final String VARIANT = "variant";

    private final Analyzers analyzers;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final String[] faqOfDoc;
    private final String[] variantOfDoc;
    private final List<IndexedVariant> variants;
    private final Map<Pool, Map<String, float[]>> centroidSums = new EnumMap<>(Pool.class);

    public FaqIndex(Analyzers analyzers, List<IndexedVariant> variants) {
        this.analyzers = analyzers;
        this.variants = List.copyOf(variants);
        try (IndexWriter w = new IndexWriter(directory, new IndexWriterConfig(analyzers.analyzer()))) {
            for (IndexedVariant v : variants) {
                Document d = new Document();
                d.add(new StringField(FAQ, v.faqId(), Field.Store.YES));
                d.add(new StringField(POOL, v.pool().name(), Field.Store.NO));
                d.add(new StoredField(VARIANT, v.original()));
                d.add(new TextField(v.pool().textField(), v.prepared(), Field.Store.NO));
                d.add(new TextField(Analyzers.PLAIN, v.original(), Field.Store.NO));
                if (v.vector() != null) {
                    d.add(new KnnFloatVectorField(v.pool().vectorField(), v.vector(),
                            VectorSimilarityFunction.DOT_PRODUCT));
                }
                w.addDocument(d);
            }
            w.forceMerge(1);
            w.commit();
            reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the in-memory FAQ index", e);
        }
        for (IndexedVariant v : variants) {
            if (v.vector() != null) {
                float[] sum = centroidSums.computeIfAbsent(v.pool(), p -> new LinkedHashMap<>())
                        .computeIfAbsent(v.faqId(), f -> new float[v.vector().length]);
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += v.vector()[i];
                }
            }
        }
        searcher = new IndexSearcher(reader);
        // Documents were added in order into one segment: doc id == position in the list.
        faqOfDoc = new String[reader.maxDoc()];
        variantOfDoc = new String[reader.maxDoc()];
        try {
            StoredFields stored = reader.storedFields();
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                Document d = stored.document(doc);
                faqOfDoc[doc] = d.get(FAQ);
                variantOfDoc[doc] = d.get(VARIANT);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<IndexedVariant> variants() {
        return variants;
    }

    /** Per FAQ of the pool, the sum of its variants' unit vectors (the FAQ's prototype before normalising). */
    public Map<String, float[]> centroidSums(Pool pool) {
        return centroidSums.getOrDefault(pool, Map.of());
    }

    /** The indexed variant of a document. */
    public IndexedVariant variant(int doc) {
        return variants.get(doc);
    }

    public int size() {
        return faqOfDoc.length;
    }

    /** BM25 over a pool's analysed field; the text must already be prepared for the pool. */
    public List<Hit> bm25(Pool pool, String prepared, int k) {
        Query q = termsQuery(pool.textField(), prepared, new TermQuery(new Term(POOL, pool.name())));
        return q == null ? List.of() : run(q, k);
    }

    /** The baseline: plain StandardAnalyzer BM25 over the raw text of every variant. */
    public List<Hit> plainBm25(String raw, int k) {
        Query q = termsQuery(Analyzers.PLAIN, raw, null);
        return q == null ? List.of() : run(q, k);
    }

    /** Nearest question variants of the pool by cosine; {@link Hit#score()} is the cosine similarity. */
    public List<Hit> nearest(Pool pool, float[] vector, int k) {
        List<Hit> hits = run(new KnnFloatVectorQuery(pool.vectorField(), vector, k), k);
        List<Hit> out = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            out.add(new Hit(h.doc(), h.faqId(), h.variant(), 2 * h.score() - 1)); // Lucene: (1 + dot) / 2
        }
        return out;
    }

    private Query termsQuery(String field, String text, Query filter) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String t : analyzers.terms(field, text)) {
            counts.merge(t, 1, Integer::sum);
            if (counts.size() >= 256) {
                break;
            }
        }
        if (counts.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        counts.forEach((t, n) -> {
            Query tq = new TermQuery(new Term(field, t));
            b.add(n == 1 ? tq : new BoostQuery(tq, n), BooleanClause.Occur.SHOULD);
        });
        if (filter == null) {
            return b.build();
        }
        return new BooleanQuery.Builder().add(b.build(), BooleanClause.Occur.MUST)
                .add(filter, BooleanClause.Occur.FILTER).build();
    }

    private List<Hit> run(Query q, int k) {
        try {
            TopDocs top = searcher.search(q, Math.max(1, k));
            List<Hit> out = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                out.add(new Hit(sd.doc, faqOfDoc[sd.doc], variantOfDoc[sd.doc], sd.score));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

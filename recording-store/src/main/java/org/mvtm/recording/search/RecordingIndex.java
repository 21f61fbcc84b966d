package org.mvtm.recording.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.mvtm.core.Region;
import org.mvtm.recording.api.RecordingKeys;
import org.mvtm.recording.api.RecordingMetadata;
import org.mvtm.recording.api.RecordingQuery;
import org.mvtm.recording.crypto.PrivateFiles;

/**
 * Lucene index of recordings: exact fields (ids, queue, region, channel, language), points for start time and
 * duration, names with the standard analyzer, and the chat/bot transcript three times: {@code text_en}
 * (EnglishAnalyzer: stemming), {@code text_zh} (SmartChineseAnalyzer: Mandarin word segmentation) and
 * {@code text_cjk} (CJKAnalyzer: bigrams, which also serve Cantonese written in Traditional characters). A text
 * query matches when any of the three matches. Thread-safe; every update is committed.
 *
 * <p>Nothing personal is on disk in plain text: the names, the customer and advisor ids and the transcript terms
 * are indexed as keyed hashes ({@link KeyedTerms}); the words themselves stay only in the encrypted timeline. Files
 * are 0600 in a 0700 directory. An index written before (plain terms) or under another master key is deleted and
 * rebuilt from the recordings ({@link #createdFresh()}).
 */
public final class RecordingIndex implements AutoCloseable {
    /** Commit user data naming how terms were keyed; an index without it (or with another) is rebuilt. */
    private static final String TERMS_KEY = "mvtm.terms";
    private final Directory directory;
    private final Analyzer analyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final boolean createdFresh;
    private final KeyedTerms terms;

    public RecordingIndex(Path dir, RecordingKeys keys) throws IOException {
        this.terms = new KeyedTerms(keys);
        PrivateFiles.createDirectories(dir);
        boolean rebuild = !isEmptyDir(dir) && !terms.version().equals(termsVersion(dir));
        if (rebuild) {
            // an index from before keyed terms (plain words on disk) or under another master key
            clear(dir);
        }
        this.createdFresh = rebuild || isEmptyDir(dir);
        this.directory = new PrivateDirectory(FSDirectory.open(dir));
        this.analyzer = terms.wrap(new PerFieldAnalyzerWrapper(new StandardAnalyzer(), Map.of(
                "text_en", new EnglishAnalyzer(),
                "text_zh", new SmartChineseAnalyzer(),
                "text_cjk", new CJKAnalyzer())));
        this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        writer.setLiveCommitData(Map.of(TERMS_KEY, terms.version()).entrySet());
        writer.commit();
        this.searchers = new SearcherManager(writer, null);
    }

    private static String termsVersion(Path dir) throws IOException {
        try (FSDirectory d = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(d)) {
                return null;
            }
            return SegmentInfos.readLatestCommit(d).getUserData().get(TERMS_KEY);
        }
    }

    private static void clear(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
        }
    }

    private static boolean isEmptyDir(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** True when the index was empty or had to be rebuilt (the store then re-indexes every recording). */
    public boolean createdFresh() {
        return createdFresh;
    }

    public void upsert(String id, RecordingMetadata md, Duration duration, String state, String transcript) {
        Document d = new Document();
        d.add(new StringField("id", id, Field.Store.YES));
        d.add(new StringField("interaction", terms.of(md.interaction().value()), Field.Store.NO));
        d.add(new StringField("customerId", terms.of(md.customer().value()), Field.Store.NO));
        d.add(new TextField("customerName", md.customerName(), Field.Store.NO));
        d.add(new StringField("advisorId", terms.of(md.advisor().value()), Field.Store.NO));
        d.add(new TextField("advisorName", md.advisorName(), Field.Store.NO));
        d.add(new StringField("queue", md.queue().value(), Field.Store.NO));
        d.add(new StringField("region", md.region().code(), Field.Store.NO));
        d.add(new StringField("channel", md.channel().name(), Field.Store.NO));
        d.add(new StringField("language", md.language().tag(), Field.Store.NO));
        d.add(new StringField("state", state, Field.Store.NO));
        long started = md.startedAt().toEpochMilli();
        d.add(new LongPoint("startedAt", started));
        d.add(new NumericDocValuesField("startedAtSort", started));
        d.add(new LongPoint("durationMs", duration.toMillis()));
        d.add(new TextField("text_en", transcript, Field.Store.NO));
        d.add(new TextField("text_zh", transcript, Field.Store.NO));
        d.add(new TextField("text_cjk", transcript, Field.Store.NO));
        try {
            writer.updateDocument(new Term("id", id), d);
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("indexing recording " + id + " failed", e);
        }
    }

    public void delete(String id) {
        try {
            writer.deleteDocuments(new Term("id", id));
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("removing recording " + id + " from the index failed", e);
        }
    }

    /** Ids of the recordings of one interaction (a transfer keeps one; usually one), in no particular order. */
    public List<String> ofInteraction(String interaction) {
        try {
            return ids(new TermQuery(new Term("interaction", terms.of(interaction))), 16, Sort.INDEXORDER);
        } catch (IOException e) {
            throw new UncheckedIOException("looking up the recordings of interaction " + interaction + " failed", e);
        }
    }

    /** Ids of matching recordings in {@code regions}, newest first. */
    public List<String> search(RecordingQuery q, Set<Region> regions) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        BooleanQuery.Builder regionQ = new BooleanQuery.Builder();
        for (Region r : regions) {
            regionQ.add(new TermQuery(new Term("region", r.code())), Occur.SHOULD);
        }
        regionQ.setMinimumNumberShouldMatch(1);
        b.add(regionQ.build(), Occur.FILTER);
        q.customer().ifPresent(c -> b.add(idOrName("customerId", "customerName", c), Occur.FILTER));
        q.advisor().ifPresent(a -> b.add(idOrName("advisorId", "advisorName", a), Occur.FILTER));
        q.queue().ifPresent(v -> b.add(new TermQuery(new Term("queue", v)), Occur.FILTER));
        q.channel().ifPresent(v -> b.add(new TermQuery(new Term("channel", v.name())), Occur.FILTER));
        q.language().ifPresent(v -> b.add(new TermQuery(new Term("language", v.tag())), Occur.FILTER));
        if (q.from().isPresent() || q.to().isPresent()) {
            long from = q.from().map(i -> i.toEpochMilli()).orElse(Long.MIN_VALUE);
            long to = q.to().map(i -> i.toEpochMilli() - 1).orElse(Long.MAX_VALUE);
            b.add(LongPoint.newRangeQuery("startedAt", from, to), Occur.FILTER);
        }
        if (q.minDuration().isPresent() || q.maxDuration().isPresent()) {
            long min = q.minDuration().map(Duration::toMillis).orElse(0L);
            long max = q.maxDuration().map(Duration::toMillis).orElse(Long.MAX_VALUE);
            b.add(LongPoint.newRangeQuery("durationMs", min, max), Occur.FILTER);
        }
        q.text().ifPresent(t -> b.add(fullText(t), Occur.MUST));
        b.add(new MatchAllDocsQuery(), Occur.SHOULD);
        try {
            return ids(b.build(), q.limit(), new Sort(new SortField("startedAtSort", SortField.Type.LONG, true)));
        } catch (IOException e) {
            throw new UncheckedIOException("searching recordings failed", e);
        }
    }

    private List<String> ids(Query query, int limit, Sort sort) throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            TopDocs top = s.search(query, limit, sort);
            List<String> ids = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                ids.add(s.storedFields().document(sd.doc).get("id"));
            }
            return ids;
        } finally {
            searchers.release(s);
        }
    }

    private Query idOrName(String idField, String nameField, String value) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new TermQuery(new Term(idField, terms.of(value))), Occur.SHOULD);
        b.add(parse(nameField, value, analyzer), Occur.SHOULD);
        b.setMinimumNumberShouldMatch(1);
        return b.build();
    }

    private Query fullText(String text) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String field : List.of("text_en", "text_zh", "text_cjk")) {
            b.add(parse(field, text, analyzer), Occur.SHOULD);
        }
        b.setMinimumNumberShouldMatch(1);
        return b.build();
    }

    private static Query parse(String field, String text, Analyzer analyzer) {
        QueryParser p = new QueryParser(field, analyzer);
        p.setDefaultOperator(QueryParser.Operator.AND);
        try {
            return p.parse(QueryParser.escape(text.toLowerCase(Locale.ROOT)));
        } catch (ParseException e) {
            throw new IllegalArgumentException("search text '" + text + "' cannot be parsed: " + e.getMessage(), e);
        }
    }

    /**
     * Search words as the audit keeps them: a keyed hash of the stripped, lower-cased words (the index's key), so
     * whoever holds the master key can tell whether a given search was made, and nobody reads the words.
     */
    public String keyedSearchText(String text) {
        return "keyed:" + terms.of(text.strip().toLowerCase(Locale.ROOT));
    }

    public int size() {
        try {
            DirectoryReader r = DirectoryReader.open(writer);
            try {
                return r.numDocs();
            } finally {
                r.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the recording index failed", e);
        }
    }
}

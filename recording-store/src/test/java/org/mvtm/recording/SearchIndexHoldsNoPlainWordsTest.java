package org.mvtm.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Channel;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.id.RecordingId;
import org.mvtm.recording.api.ActiveRecording;
import org.mvtm.recording.api.RecordingMetadata;
import org.mvtm.recording.api.RecordingQuery;
import org.mvtm.recording.api.RecordingSummary;
import org.mvtm.recording.api.TimelineEntry;
import org.mvtm.recording.api.Viewer;

/**
 * Issue 15 finding 6: the words of a chat were readable with {@code strings} in the Lucene index although the
 * segments are encrypted, and the data directories were 0755 with 0644 files. The words must be on disk only
 * encrypted, still be found by search (English, Mandarin, Cantonese), and everything be readable by the owner only.
 */
class SearchIndexHoldsNoPlainWordsTest extends WithFreshStore {
    static final String ENGLISH_WORD = "quokkaberry";
    static final String MANDARIN_WORD = "鳳梨酥";
    static final String CANTONESE_WORD = "唔該晒";

    final Viewer officer = StoreFixture.compliance(Region.HK);
    RecordingId recording;

    @BeforeEach
    void chatWithDistinctiveWords() {
        RecordingMetadata md = StoreFixture.metadata(Region.HK, "Mary Chan", Channel.CHAT, Language.EN);
        ActiveRecording r = f.store.start(md);
        r.appendTimeline(TimelineEntry.turn(new TranscriptTurn(md.startedAt(), TranscriptTurn.Speaker.CUSTOMER,
                "My " + ENGLISH_WORD + " savings plan was blocked"), md.customer().value()));
        r.appendTimeline(TimelineEntry.turn(new TranscriptTurn(md.startedAt(), TranscriptTurn.Speaker.CUSTOMER,
                "我想買" + MANDARIN_WORD + "，" + CANTONESE_WORD), md.customer().value()));
        r.seal();
        recording = r.id();
    }

    @Test
    void noFileUnderTheDataDirectoryHoldsAChatWordYetSearchFindsIt() throws IOException {
        // scanned before searching: the audit log records what an officer searched for
        assertThat(filesContaining(ENGLISH_WORD)).isEmpty();
        assertThat(filesContaining(MANDARIN_WORD)).isEmpty();
        assertThat(filesContaining(CANTONESE_WORD)).isEmpty();
        assertThat(filesContaining("savings")).as("a stemmed term ('save') or the word itself").isEmpty();

        assertThat(found(ENGLISH_WORD)).containsExactly(recording);
        assertThat(found("savings plans blocked")).as("English stems, all words required").containsExactly(recording);
        assertThat(found(MANDARIN_WORD)).containsExactly(recording);
        assertThat(found(CANTONESE_WORD)).containsExactly(recording);
        assertThat(found("quokka")).as("a keyed index matches whole terms only, as before").isEmpty();
        assertThat(f.store.search(officer, RecordingQuery.builder().customer("cust-mary-chan").build()))
                .extracting(RecordingSummary::id).containsExactly(recording);
    }

    /** The audit keeps what was searched for as a keyed hash: the same search twice, the same hash; no words. */
    @Test
    void theAuditKeepsSearchWordsOnlyAsAKeyedHash() throws IOException {
        found(ENGLISH_WORD + " savings");
        found(ENGLISH_WORD + " savings");
        found(MANDARIN_WORD);

        assertThat(filesContaining(ENGLISH_WORD)).isEmpty();
        assertThat(filesContaining(MANDARIN_WORD)).isEmpty();
        List<String> searches = f.store.audit(officer, org.mvtm.recording.api.AuditQuery.all()).stream()
                .filter(e -> e.action() == org.mvtm.recording.api.AuditAction.SEARCH).map(e -> e.detail()).toList();
        assertThat(searches).hasSize(3).allSatisfy(d -> assertThat(d).contains("text=keyed:")
                .doesNotContain(ENGLISH_WORD).doesNotContain("savings").doesNotContain(MANDARIN_WORD));
        assertThat(searches.get(0)).isEqualTo(searches.get(1)).isNotEqualTo(searches.get(2));
    }

    @Test
    void dataFilesAreReadableByTheOwnerOnly() throws IOException {
        List<String> tooOpen = new ArrayList<>();
        try (Stream<Path> all = Files.walk(f.config.dataDir())) {
            for (Path p : (Iterable<Path>) all::iterator) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                if (!mode.equals(Files.isDirectory(p) ? "rwx------" : "rw-------")) {
                    tooOpen.add(f.config.dataDir().relativize(p) + " " + mode);
                }
            }
        }
        assertThat(tooOpen).isEmpty();
    }

    /** Replays are decrypted into the export cache, outside the data directory by default. */
    @Test
    void theExportCacheIsTheOwnersOnlyAlsoWhenItWasThereBefore() throws IOException {
        Path cache = f.config.exportCacheDir();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache))).isEqualTo("rwx------");
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxr-xr-x"));
        f.reopen();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache))).isEqualTo("rwx------");
    }

    @Test
    void anIndexWrittenWithPlainWordsIsReplacedAndStillFinds() throws IOException {
        f.store.close();
        Path index = f.config.dataDir().resolve("index");
        try (FSDirectory d = FSDirectory.open(index);
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer())
                     .setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
            Document doc = new Document(); // what the index held before keyed terms
            doc.add(new TextField("text_en", "my " + ENGLISH_WORD + " savings plan", Field.Store.NO));
            w.addDocument(doc);
            w.commit();
        }
        assertThat(filesContaining(ENGLISH_WORD)).as("the old index, plain").isNotEmpty();

        f.store = org.mvtm.recording.api.RecordingStores.open(f.config, f.clock, f.bus);

        assertThat(filesContaining(ENGLISH_WORD)).isEmpty();
        assertThat(found(ENGLISH_WORD)).containsExactly(recording);
        assertThat(found(MANDARIN_WORD)).containsExactly(recording);
    }

    private List<RecordingId> found(String text) {
        return f.store.search(officer, RecordingQuery.builder().text(text).build()).stream()
                .map(RecordingSummary::id).toList();
    }

    /** Files whose bytes contain {@code word} in UTF-8 (what {@code strings} or {@code grep -a} would show). */
    private List<Path> filesContaining(String word) throws IOException {
        return StoreFixture.filesContaining(f.config.dataDir(), word.getBytes(StandardCharsets.UTF_8));
    }
}

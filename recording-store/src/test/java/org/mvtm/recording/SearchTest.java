package org.mvtm.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Channel;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.event.ChatMessagePosted;
import org.mvtm.core.id.RecordingId;
import org.mvtm.recording.api.ActiveRecording;
import org.mvtm.recording.api.RecordingMetadata;
import org.mvtm.recording.api.RecordingQuery;
import org.mvtm.recording.api.RecordingSummary;
import org.mvtm.recording.api.TimelineEntry;
import org.mvtm.recording.api.Viewer;

class SearchTest extends WithFreshStore {
    final Viewer all = StoreFixture.compliance(Region.HK, Region.SZ, Region.MO);
    RecordingId english;
    RecordingId mandarin;
    RecordingId cantonese;

    private RecordingId record(Region region, String name, Channel ch, Language lang, int startOffsetMin,
                               double seconds, String customerLine, String botLine) {
        RecordingMetadata md = StoreFixture.metadata(region, name, ch, lang);
        md = new RecordingMetadata(md.interaction(), md.conversation(), ch, md.customer(), name, md.advisor(),
                md.advisorName(), md.queue(), region, lang, StoreFixture.T0.plus(Duration.ofMinutes(startOffsetMin)));
        ActiveRecording r = f.store.start(md);
        r.appendTimeline(TimelineEntry.turn(new TranscriptTurn(md.startedAt(), TranscriptTurn.Speaker.CUSTOMER,
                customerLine), md.customer().value()));
        r.appendTimeline(TimelineEntry.turn(new TranscriptTurn(md.startedAt(), TranscriptTurn.Speaker.BOT, botLine),
                ChatMessagePosted.ASSISTANT));
        f.clock.set(md.startedAt().plusMillis((long) (seconds * 1000)));
        r.seal();
        return r.id();
    }

    @BeforeEach
    void record() {
        english = record(Region.HK, "Mary Chan", Channel.VIDEO, Language.EN, 0, 300,
                "I lost my credit cards yesterday", "I can block the cards for you");
        mandarin = record(Region.SZ, "Zhang San", Channel.VOICE, Language.ZH, 60, 40,
                "我的信用卡丢了", "我可以帮您冻结信用卡");
        cantonese = record(Region.MO, "Wong Ka Yan", Channel.VIDEO, Language.YUE, 120, 900,
                "我想查詢按揭利率", "我幫你轉接按揭專員");
    }

    private List<RecordingId> ids(RecordingQuery q) {
        return f.store.search(all, q).stream().map(RecordingSummary::id).toList();
    }

    @Test
    void findsByCustomerAdvisorQueueRegionChannelAndLanguage() {
        assertThat(ids(RecordingQuery.builder().customer("Mary").build())).containsExactly(english);
        assertThat(ids(RecordingQuery.builder().customer("cust-zhang-san").build())).containsExactly(mandarin);
        assertThat(ids(RecordingQuery.builder().advisor("adv-li").build())).containsExactly(cantonese, mandarin,
                english);
        assertThat(ids(RecordingQuery.builder().queue("cards").region(Region.MO).build())).containsExactly(cantonese);
        assertThat(ids(RecordingQuery.builder().channel(Channel.VOICE).build())).containsExactly(mandarin);
        assertThat(ids(RecordingQuery.builder().language(Language.YUE).build())).containsExactly(cantonese);
    }

    @Test
    void findsByTimeRangeAndDuration() {
        assertThat(ids(RecordingQuery.builder().from(StoreFixture.T0.plus(Duration.ofMinutes(30)))
                .to(StoreFixture.T0.plus(Duration.ofMinutes(90))).build())).containsExactly(mandarin);
        assertThat(ids(RecordingQuery.builder().minDuration(Duration.ofMinutes(4)).build()))
                .containsExactly(cantonese, english);
        assertThat(ids(RecordingQuery.builder().maxDuration(Duration.ofMinutes(1)).build())).containsExactly(mandarin);
    }

    @Test
    void fullTextMatchesEnglishStemsMandarinWordsAndCantoneseBigrams() {
        assertThat(ids(RecordingQuery.builder().text("card blocked").build())).containsExactly(english);
        assertThat(ids(RecordingQuery.builder().text("信用卡").build())).containsExactly(mandarin);
        assertThat(ids(RecordingQuery.builder().text("冻结").build())).containsExactly(mandarin);
        assertThat(ids(RecordingQuery.builder().text("按揭").build())).containsExactly(cantonese);
        assertThat(ids(RecordingQuery.builder().text("利率").build())).containsExactly(cantonese);
        assertThat(ids(RecordingQuery.builder().text("mortgage").build())).isEmpty();
    }

    @Test
    void indexIsRebuiltFromTheRecordingsWhenItIsLost() throws Exception {
        f.store.close();
        org.assertj.core.util.Files.delete(f.config.dataDir().resolve("index").toFile());
        f.store = org.mvtm.recording.api.RecordingStores.open(f.config, f.clock, f.bus);
        assertThat(ids(RecordingQuery.builder().text("按揭").build())).containsExactly(cantonese);
        assertThat(ids(RecordingQuery.all())).containsExactly(cantonese, mandarin, english);
    }
}

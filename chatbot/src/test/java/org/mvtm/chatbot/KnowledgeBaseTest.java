package org.mvtm.chatbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.chatbot.api.Assistant;
import org.mvtm.chatbot.api.AssistantConfig;
import org.mvtm.chatbot.api.Assistants;
import org.mvtm.chatbot.api.KnowledgeBaseException;
import org.mvtm.chatbot.api.RetrievalMode;
import org.mvtm.chatbot.kb.Faq;
import org.mvtm.chatbot.kb.KnowledgeBase;
import org.mvtm.chatbot.kb.KnowledgeBaseSource;
import org.mvtm.chatbot.lang.ChineseNormalizer;
import org.mvtm.chatbot.retrieval.OnnxEmbedder;
import org.mvtm.chatbot.retrieval.QueryPreparer;
import org.mvtm.chatbot.retrieval.VectorFile;
import org.mvtm.core.Language;
import org.mvtm.core.event.InProcessEventBus;

class KnowledgeBaseTest {
    private static final String HEADER = "faq_id,language,question,answer\n";

    @Test
    void shippedKnowledgeBaseHasSixtyFaqsWithThreeVariantsAndAnAnswerPerLanguageAndAProduct() {
        KnowledgeBase kb = new KnowledgeBaseSource(List.of()).load();
        assertThat(kb.size()).isGreaterThanOrEqualTo(60);
        for (Faq faq : kb.faqs()) {
            Map<String, Long> perLanguage = faq.variants().stream()
                    .collect(Collectors.groupingBy(Faq.Variant::languageTag, Collectors.counting()));
            for (String tag : List.of("en", "zh", "yue")) {
                assertThat(perLanguage.getOrDefault(tag, 0L)).as("%s variants in %s", faq.id(), tag)
                        .isGreaterThanOrEqualTo(3);
                assertThat(faq.answers()).as("%s answer in %s", faq.id(), tag).containsKey(tag);
            }
            assertThat(faq.product()).as("%s product", faq.id()).isPresent();
        }
        Set<String> products = kb.faqs().stream().map(f -> f.product().orElseThrow().skillName())
                .collect(Collectors.toSet());
        assertThat(products).contains("product.accounts", "product.cards", "product.cross-border",
                "product.remittance", "product.fx", "product.wealth", "product.loans", "product.general");
    }

    @Test
    void shippedVectorsCoverEveryShippedQuestionSoStartUpEmbedsNothing() {
        KnowledgeBase kb = new KnowledgeBaseSource(List.of()).load();
        QueryPreparer preparer = new QueryPreparer(new ChineseNormalizer());
        Map<String, Map<String, float[]>> vectors = VectorFile.shipped();
        for (Faq.Variant v : kb.variants()) {
            boolean english = v.languageTag().equals("en");
            Language lang = switch (v.languageTag()) {
                case "en" -> Language.EN;
                case "zh" -> Language.ZH;
                default -> Language.YUE;
            };
            List<String> models = english ? List.of(OnnxEmbedder.BGE_SMALL_EN, OnnxEmbedder.MINILM_L6)
                    : List.of(OnnxEmbedder.BGE_SMALL_ZH);
            for (String model : models) {
                assertThat(vectors.getOrDefault(model, Map.of())).as(
                        "precomputed %s vector for '%s' (run bench/chatbot-vectors.sh after editing the CSV)",
                        model, v.text()).containsKey(preparer.prepare(v.text(), lang));
            }
        }
    }

    @Test
    void rowsWithoutAnAnswerAreVariantsOfTheFaqAndWildcardAnswersServeEveryLanguage(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("kb.csv");
        Files.writeString(f, HEADER + "hours,en,When do you open?,\"9 to 5, Monday to Friday\"\n"
                + "hours,en,Opening hours,\n" + "swift,*,SWIFT code,MVTMHKHHXXX\n");
        KnowledgeBase kb = new KnowledgeBaseSource(List.of(f)).load();
        assertThat(kb.faq("hours").orElseThrow().variants()).hasSize(2);
        assertThat(kb.faq("hours").orElseThrow().answer(Language.YUE)).isEqualTo("9 to 5, Monday to Friday");
        assertThat(kb.faq("swift").orElseThrow().answer(Language.ZH)).isEqualTo("MVTMHKHHXXX");
    }

    @Test
    void malformedFilesAreRejectedNamingFileAndLine(@TempDir Path dir) throws Exception {
        Path badHeader = dir.resolve("a.csv");
        Files.writeString(badHeader, "id,lang,q,a\nx,en,q,a\n");
        assertThatThrownBy(() -> new KnowledgeBaseSource(List.of(badHeader)).load())
                .isInstanceOf(KnowledgeBaseException.class).hasMessageContaining("a.csv line 1: header must be");
        Path badLanguage = dir.resolve("b.csv");
        Files.writeString(badLanguage, HEADER + "x,en,q,a\nx,fr,q,a\n");
        assertThatThrownBy(() -> new KnowledgeBaseSource(List.of(badLanguage)).load())
                .hasMessageContaining("b.csv line 3").hasMessageContaining("'fr'");
        Path noAnswer = dir.resolve("c.csv");
        Files.writeString(noAnswer, HEADER + "x,en,q,\n");
        assertThatThrownBy(() -> new KnowledgeBaseSource(List.of(noAnswer)).load())
                .hasMessageContaining("c.csv line 2").hasMessageContaining("no answer");
        Path badProduct = dir.resolve("d.csv");
        Files.writeString(badProduct, "faq_id,language,question,answer,product\nx,en,q,a,boats\n");
        assertThatThrownBy(() -> new KnowledgeBaseSource(List.of(badProduct)).load())
                .hasMessageContaining("d.csv line 2").hasMessageContaining("boats");
        Path notUtf8 = dir.resolve("e.csv");
        Files.write(notUtf8, new byte[] {'f', 'a', 'q', (byte) 0xff, '\n'});
        assertThatThrownBy(() -> new KnowledgeBaseSource(List.of(notUtf8)).load())
                .hasMessageContaining("e.csv is not valid UTF-8");
    }

    @Test
    void changedFileIsReloadedAndABrokenEditKeepsThePreviousVersion(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("kb.csv");
        Files.writeString(f, HEADER + "hours,en,When do you open?,9 to 5\nhours,en,opening hours,\n");
        Instant now = Instant.parse("2026-11-23T05:00:00Z");
        AssistantConfig config = AssistantConfig.defaults().withKnowledgeBase(dir)
                .withRetrieval(RetrievalMode.BM25).withReloadInterval(Duration.ZERO);
        try (Assistant a = Assistants.create(config, Clock.fixed(now, java.time.ZoneOffset.UTC),
                new InProcessEventBus())) {
            assertThat(a.knowledgeBase().faqs()).isEqualTo(1);
            assertThat(a.reloadIfChanged()).isFalse();

            Files.writeString(f, HEADER + "hours,en,When do you open?,9 to 6\nfees,en,What are your fees?,Free\n");
            Files.setLastModifiedTime(f, FileTime.from(now.plusSeconds(10)));
            assertThat(a.reloadIfChanged()).isTrue();
            assertThat(a.knowledgeBase().version()).isEqualTo(2);
            assertThat(a.knowledgeBase().faqs()).isEqualTo(2);
            assertThat(a.answer("hours", Language.EN)).contains("9 to 6");
            assertThat(a.search("what fees do you charge", 1).get(0).faqId()).isEqualTo("fees");

            Files.writeString(f, HEADER + "broken,xx,q,a\n");
            Files.setLastModifiedTime(f, FileTime.from(now.plusSeconds(20)));
            assertThat(a.reloadIfChanged()).isFalse();
            assertThat(a.knowledgeBase().version()).isEqualTo(2);
            assertThat(a.knowledgeBase().lastError()).hasValueSatisfying(m -> assertThat(m).contains("line 2"));
            assertThat(a.answer("fees", Language.EN)).contains("Free");
        }
    }

    @Test
    void reloadThreadPicksUpChangesByItself(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("kb.csv");
        Files.writeString(f, HEADER + "a,en,first question,first\n");
        AssistantConfig config = AssistantConfig.defaults().withKnowledgeBase(f)
                .withRetrieval(RetrievalMode.BM25).withReloadInterval(Duration.ofMillis(50));
        try (Assistant a = Assistants.create(config, Clock.systemUTC(), new InProcessEventBus())) {
            Files.writeString(f, HEADER + "a,en,first question,first\nb,en,second question,second\n");
            Files.setLastModifiedTime(f, FileTime.from(Instant.now().plusSeconds(5)));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> a.knowledgeBase().faqs() == 2);
        }
    }
}

package org.mvtm.chatbot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvtm.chatbot.api.KnowledgeBaseLanguage;
import org.mvtm.chatbot.api.RetrievalMode;
import org.mvtm.chatbot.kb.KnowledgeBaseSource;
import org.mvtm.chatbot.kb.Sections;
import org.mvtm.chatbot.lang.ChineseNormalizer;
import org.mvtm.core.Language;

/**
 * Publishing one language re-does only its pool's work: an engine built with the previous one keeps the
 * calibration of the pool whose variants did not change and fits the changed pool again.
 */
class UnchangedPoolIsNotRetrainedTest {
    private final Analyzers analyzers = new Analyzers();
    private final QueryPreparer preparer = new QueryPreparer(new ChineseNormalizer());

    @Test
    void aCantoneseEditRefitsTheChinesePoolAndKeepsTheEnglishOne() {
        Map<KnowledgeBaseLanguage, String> sections = new EnumMap<>(new KnowledgeBaseSource(List.of()).sections());
        Engine before = Engine.build(Sections.join(sections), RetrievalMode.BM25, null, preparer, analyzers);

        sections.put(KnowledgeBaseLanguage.YUE, sections.get(KnowledgeBaseLanguage.YUE)
                + "safe_box,yue,點樣租保險箱？,12間分行有保險箱。,general\n");
        Engine after = Engine.build(Sections.join(sections), RetrievalMode.BM25, null, preparer, analyzers, before);

        assertThat(after.sharesTrainingWith(before, Pool.EN)).as("English pool kept").isTrue();
        assertThat(after.sharesTrainingWith(before, Pool.ZH)).as("Chinese pool fitted again").isFalse();
        assertThat(after.search("我想租保險箱", Language.YUE, 1).get(0).faqId()).isEqualTo("safe_box");
        assertThat(after.search("I lost my credit card", Language.EN, 1).get(0).faqId()).isEqualTo("card_lost");
    }
}

package org.mvtm.chatbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.chatbot.api.Assistant;
import org.mvtm.chatbot.api.AssistantConfig;
import org.mvtm.chatbot.api.Assistants;
import org.mvtm.chatbot.api.BotReply;
import org.mvtm.chatbot.api.KnowledgeBaseAdmin;
import org.mvtm.chatbot.api.KnowledgeBaseArchives;
import org.mvtm.chatbot.api.KnowledgeBaseLanguage;
import org.mvtm.chatbot.api.KnowledgeBaseProblem;
import org.mvtm.chatbot.api.KnowledgeBaseRejected;
import org.mvtm.chatbot.api.KnowledgeBaseVersion;
import org.mvtm.chatbot.api.PreviewAnswer;
import org.mvtm.chatbot.api.ReplyKind;
import org.mvtm.core.Language;
import org.mvtm.core.event.InProcessEventBus;
import org.mvtm.core.event.KnowledgeBasePublished;
import org.mvtm.core.id.ConversationId;

/**
 * The knowledge base as data an administrator manages, on the real hybrid assistant: a broken upload is refused
 * with every problem's row and column and changes nothing; preview shows how the candidate would answer; publish
 * swaps the answers of a conversation already in progress without a restart; a restore brings an earlier version
 * back; a restarted assistant serves the latest published version. The tests run in order on one assistant.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KnowledgeBaseAdministrationTest {
    static final String SAFE_BOX = """
            safe_box,en,How do I rent a safe deposit box?,"Safe deposit boxes are available at 12 branches from HKD 600 a year. Book one in the app under More > Safe deposit box.",general
            safe_box,en,Can I get a safe deposit box at a branch?,,
            safe_box,en,What does a safe deposit box cost per year?,,
            """;
    static final String SAFE_BOX_YUE = """
            safe_box,yue,點樣租保險箱？,12間分行有保險箱，每年港幣600起。喺App「更多 > 保險箱」預約。,general
            safe_box,yue,分行有冇保險箱租？,,
            safe_box,yue,租保險箱一年幾錢？,,
            """;
    static final String QUESTION = "I'd like to rent a safe deposit box";
    static final String QUESTION_YUE = "我想租個保險箱";

    @TempDir
    static Path archiveDir;
    static InProcessEventBus bus;
    static List<KnowledgeBasePublished> published = new CopyOnWriteArrayList<>();
    static Assistant assistant;
    static KnowledgeBaseAdmin admin;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T04:00:00Z"), ZoneOffset.UTC);

    @BeforeAll
    static void start() {
        bus = new InProcessEventBus();
        bus.subscribe(KnowledgeBasePublished.class, published::add);
        assistant = Assistants.create(AssistantConfig.defaults().withReloadInterval(Duration.ZERO), CLOCK, bus,
                KnowledgeBaseArchives.directory(archiveDir));
        admin = assistant.administration().orElseThrow();
    }

    @AfterAll
    static void stop() {
        assistant.close();
    }

    @Test
    @Order(1)
    void aBrokenUploadListsEveryProblemByRowAndColumnAndChangesNothing() {
        String before = admin.csv(KnowledgeBaseLanguage.EN);
        String broken = "faq_id,language,question,answer,product\n"
                + "card_lost,en,I lost my card,,cards\n"                              // row 2: first row without answer
                + "safe_box,fr,Où est mon coffre?,Voici.,general\n"                   // row 3: unknown language
                + "safe_box2,yue,點樣租保險箱？,喺App預約。,general\n"                   // row 4: Cantonese in the en file
                + "card_lost,en,Card stolen,Call us.,cards\n"                         // row 5: card_lost again, apart
                + "dup,en,I lost my card,Lock it.,cards\n"                            // row 6: question asked twice
                + "x,en,What?,Yes.,teleportation\n"                                   // row 7: unknown product
                + "y,en,Why?,Because.\n"                                              // row 8: a column short
                + "z,en,Where?,Here.,general\n"
                + "z,en,Where exactly?,There.,general\n";                             // row 10: z's second answer
        List<String> problems = admin.validate(KnowledgeBaseLanguage.EN, bytes(broken)).stream()
                .map(KnowledgeBaseProblem::toString).toList();
        assertThat(problems).containsExactly(
                "row 2, column answer: empty (the first row of faq card_lost gives its answer)",
                "row 3, column language: unknown language 'fr' (en, zh, yue or *)",
                "row 4, column language: 'yue' in the en file (upload it with the yue file)",
                "row 5, column faq_id: duplicate id card_lost: faq card_lost began at row 2 and other FAQs came"
                        + " between (keep an FAQ's rows together, or give this FAQ its own id)",
                "row 6, column question: duplicate of row 2",
                "row 7, column product: product must be one of accounts, cards, loans, wealth, cross-border,"
                        + " remittance, fx, general but was 'teleportation'",
                "row 8: expected 5 columns but found 4",
                "row 10, column faq_id: duplicate id z: row 9 already gives its answer");
        assertThatThrownBy(() -> admin.upload(KnowledgeBaseLanguage.EN, bytes(broken)))
                .isInstanceOf(KnowledgeBaseRejected.class)
                .hasMessageContaining("row 2, column answer: empty");

        assertThat(admin.validate(KnowledgeBaseLanguage.YUE, bytes("faq_id,language,question,answer,product\n"
                + "a,yue,\"點樣開戶,\n\"unclosed,x,accounts\n"))).singleElement().hasToString("row 3: bad quoting: unexpected character 'u' after a closing quote");
        assertThat(admin.validate(KnowledgeBaseLanguage.EN, new byte[] {'f', 'a', 'q', '\n', 'a', ',', (byte) 0xC3, '\n'}))
                .singleElement().hasToString("row 2: not valid UTF-8 (byte 7); save the file as CSV UTF-8");
        assertThat(admin.validate(KnowledgeBaseLanguage.EN, bytes("id,lang,q,a\n"))).singleElement().asString()
                .startsWith("row 1: the header must be faq_id,language,question,answer,product");
        assertThat(admin.validate(KnowledgeBaseLanguage.EN, bytes(before))).as("the download uploads cleanly").isEmpty();

        assertThat(admin.draft(KnowledgeBaseLanguage.EN)).as("nothing was kept").isEmpty();
        assertThat(admin.csv(KnowledgeBaseLanguage.EN)).isEqualTo(before);
        assertThat(admin.versions()).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    @Order(2)
    void previewShowsTheCandidatesAnswersAndPublishSwapsAConversationInProgressWithoutARestart() {
        ConversationId customer = ConversationId.random();
        BotReply before = assistant.reply(customer, QUESTION);
        assertThat(before.topFaqId()).as("the shipped KB knows no safe deposit boxes").isNotEqualTo(Optional.of("safe_box"));

        admin.upload(KnowledgeBaseLanguage.EN, bytes(admin.csv(KnowledgeBaseLanguage.EN) + SAFE_BOX));
        admin.upload(KnowledgeBaseLanguage.YUE, bytes(admin.csv(KnowledgeBaseLanguage.YUE) + SAFE_BOX_YUE));
        assertThat(admin.draft(KnowledgeBaseLanguage.YUE)).get().asString().contains("點樣租保險箱");

        List<PreviewAnswer> preview = admin.preview(List.of(QUESTION, QUESTION_YUE, "my card was declined")).join();
        assertThat(preview).extracting(PreviewAnswer::kind).containsExactly(ReplyKind.ANSWER, ReplyKind.ANSWER,
                ReplyKind.ANSWER);
        assertThat(preview).extracting(p -> p.faqId().orElse("")).containsExactly("safe_box", "safe_box", "card_declined");
        assertThat(preview.get(1).language()).isEqualTo(Language.YUE);
        assertThat(preview.get(1).text()).contains("保險箱");
        assertThat(preview.get(0).handoff()).isFalse();
        assertThat(preview.get(0).confidence()).isGreaterThanOrEqualTo(0.5);
        assertThat(assistant.reply(ConversationId.random(), QUESTION).topFaqId())
                .as("a preview publishes nothing").isNotEqualTo(Optional.of("safe_box"));

        KnowledgeBaseVersion v1 = admin.publish("admin").join();
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.changed()).containsExactly(KnowledgeBaseLanguage.EN, KnowledgeBaseLanguage.YUE);
        assertThat(v1.publishedBy()).isEqualTo("admin");
        assertThat(published).singleElement().satisfies(e -> {
            assertThat(e.version()).isEqualTo(1);
            assertThat(e.languages()).containsExactly("en", "yue");
            assertThat(e.by()).isEqualTo("admin");
            assertThat(e.at()).isEqualTo(CLOCK.instant());
        });

        BotReply after = assistant.reply(customer, QUESTION);
        assertThat(after.kind()).as("the same conversation, next turn").isEqualTo(ReplyKind.ANSWER);
        assertThat(after.topFaqId()).hasValue("safe_box");
        assertThat(after.text()).contains("HKD 600");
        assertThat(assistant.reply(ConversationId.random(), QUESTION_YUE).text()).contains("保險箱");
        assertThat(admin.draft(KnowledgeBaseLanguage.EN)).as("published drafts are cleared").isEmpty();
        assertThat(admin.currentVersion()).isEqualTo(1);
        assertThat(assistant.knowledgeBase().version()).isEqualTo(1);
        assertThatThrownBy(() -> admin.publish("admin").join()).hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nothing to publish");
    }

    @Test
    @Order(3)
    void restoreBringsAnEarlierVersionBackAsANewVersion() {
        KnowledgeBaseVersion v2 = admin.restore(0, "carol").join();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.restoredFrom()).hasValue(0L);
        assertThat(assistant.reply(ConversationId.random(), QUESTION).topFaqId()).isNotEqualTo(Optional.of("safe_box"));
        assertThat(admin.csv(KnowledgeBaseLanguage.EN)).doesNotContain("safe_box");

        KnowledgeBaseVersion v3 = admin.restore(1, "carol").join();
        assertThat(v3.version()).isEqualTo(3);
        assertThat(v3.restoredFrom()).hasValue(1L);
        assertThat(assistant.reply(ConversationId.random(), QUESTION).topFaqId()).hasValue("safe_box");
        assertThat(admin.versions()).extracting(KnowledgeBaseVersion::version).containsExactly(1L, 2L, 3L);
        assertThat(published).extracting(KnowledgeBasePublished::by).containsExactly("admin", "carol", "carol");
        assertThatThrownBy(() -> admin.restore(42, "carol").join()).hasCauseInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("no knowledge-base version 42");
    }

    @Test
    @Order(4)
    void versionsAreFilesOnlyTheOwnerReadsAndARestartedAssistantServesTheLatest() throws Exception {
        try (Stream<Path> files = Files.walk(archiveDir.resolve("versions"))) {
            for (Path f : files.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(f));
                assertThat(mode).as(f.toString()).isEqualTo(Files.isDirectory(f) ? "rwx------" : "rw-------");
            }
        }
        assertThat(Files.readString(archiveDir.resolve("versions/000003/en.csv"))).contains("safe_box");
        try (Assistant restarted = Assistants.create(AssistantConfig.defaults().withReloadInterval(Duration.ZERO),
                CLOCK, new InProcessEventBus(), KnowledgeBaseArchives.directory(archiveDir))) {
            assertThat(restarted.administration().orElseThrow().currentVersion()).isEqualTo(3);
            assertThat(restarted.reply(ConversationId.random(), QUESTION).topFaqId()).hasValue("safe_box");
        }
    }

    @Test
    @Order(5)
    void anotherNodesVersionIsAdoptedFromTheSharedArchiveOnce() {
        InProcessEventBus otherBus = new InProcessEventBus();
        try (Assistant other = Assistants.create(AssistantConfig.defaults().withReloadInterval(Duration.ZERO), CLOCK,
                otherBus, KnowledgeBaseArchives.directory(archiveDir))) {
            KnowledgeBaseAdmin otherAdmin = other.administration().orElseThrow();
            admin.upload(KnowledgeBaseLanguage.EN, bytes(admin.csv(KnowledgeBaseLanguage.EN).replace("HKD 600", "HKD 700")));
            KnowledgeBaseVersion v4 = admin.publish("admin").join();
            assertThat(v4.changed()).containsExactly(KnowledgeBaseLanguage.EN);
            assertThat(otherAdmin.adopt(v4.version()).join()).isTrue();
            assertThat(otherAdmin.adopt(v4.version()).join()).as("once").isFalse();
            assertThat(other.reply(ConversationId.random(), QUESTION).text()).contains("HKD 700");
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

package org.mvtm.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.mvtm.chatbot.api.Assistant;
import org.mvtm.chatbot.api.KnowledgeBaseAdmin;
import org.mvtm.chatbot.api.KnowledgeBaseDraft;
import org.mvtm.chatbot.api.KnowledgeBaseLanguage;
import org.mvtm.chatbot.api.KnowledgeBaseProblem;
import org.mvtm.chatbot.api.KnowledgeBaseVersion;
import org.mvtm.chatbot.api.PreviewAnswer;
import org.mvtm.web.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The FAQ knowledge base for administrators (role ADMIN): download and upload one CSV per language, validate,
 * preview test questions on the uploaded drafts, publish them to the running assistant, list and restore versions.
 * {@code {language}} is {@code en}, {@code zh} (or {@code zh-Hans}), {@code yue} (or {@code zh-Hant}) or {@code any}.
 * Uploads larger than {@link KnowledgeBaseAdmin#MAX_CSV_BYTES} are refused with 413 from their Content-Length, or
 * as soon as the body passes the limit. Every publish and restore is logged with the administrator's name.
 */
@RestController
@RequestMapping("/api/admin/knowledge-base")
class KnowledgeBaseController {
    private static final Logger log = LoggerFactory.getLogger(KnowledgeBaseController.class);
    static final int MAX_PREVIEW_QUESTIONS = 50;
    static final int MAX_QUESTION_CHARS = 2000;
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Assistant assistant;

    KnowledgeBaseController(Assistant assistant) {
        this.assistant = assistant;
    }

    record Problem(int row, String column, String message, String text) {
        static Problem of(KnowledgeBaseProblem p) {
            return new Problem(p.row(), p.column().orElse(null), p.message(), p.toString());
        }
    }

    record Validation(String language, boolean valid, List<Problem> problems) {
    }

    record Draft(String language, int faqs, int questions) {
    }

    record PreviewRequest(List<String> questions) {
    }

    record Answer(String question, String language, String kind, String faqId, double confidence, boolean handoff,
                  String text) {
        static Answer of(PreviewAnswer a) {
            return new Answer(a.question(), a.language().tag(), a.kind().name(), a.faqId().orElse(null),
                    a.confidence(), a.handoff(), a.text());
        }
    }

    record Preview(List<Answer> answers) {
    }

    record Version(long version, Instant publishedAt, String publishedBy, List<String> changed, Long restoredFrom,
                   int faqs) {
        static Version of(KnowledgeBaseVersion v) {
            return new Version(v.version(), v.publishedAt(), v.publishedBy(),
                    v.changed().stream().map(KnowledgeBaseLanguage::pathName).toList(), v.restoredFrom().orElse(null),
                    v.faqs());
        }
    }

    record Versions(long current, List<Version> versions) {
    }

    /** The language's CSV in service, or with {@code ?draft=true} the uploaded draft (404 when there is none). */
    @GetMapping("/{language}")
    ResponseEntity<String> download(@PathVariable String language,
                                    @RequestParam(defaultValue = "false") boolean draft) {
        KnowledgeBaseLanguage l = KnowledgeBaseLanguage.parse(language);
        String csv = draft
                ? admin().draft(l).orElseThrow(() -> new NotFound("there is no " + l.pathName() + " draft to download"))
                : admin().csv(l);
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("knowledge-base-" + l.pathName() + (draft ? "-draft" : "") + ".csv").build().toString())
                .body(csv);
    }

    /** Keeps a valid CSV as the language's draft; 400 lists every problem by row and column. */
    @PutMapping("/{language}")
    Draft upload(@PathVariable String language, HttpServletRequest request, Principal principal) throws IOException {
        KnowledgeBaseLanguage l = KnowledgeBaseLanguage.parse(language);
        byte[] body = body(request);
        KnowledgeBaseDraft d = admin().upload(l, body);
        log.info("knowledge base: {} draft uploaded by {}", l.tag(), who(principal));
        return new Draft(l.pathName(), d.faqs(), d.questions());
    }

    /** Checks a CSV without keeping it: {@code valid} and every problem by row and column. */
    @PostMapping("/{language}/validate")
    Validation validate(@PathVariable String language, HttpServletRequest request) throws IOException {
        KnowledgeBaseLanguage l = KnowledgeBaseLanguage.parse(language);
        List<Problem> problems = admin().validate(l, body(request)).stream().map(Problem::of).toList();
        return new Validation(l.pathName(), problems.isEmpty(), problems);
    }

    /** How the drafts over the version in service would answer each question (a customer's first message). */
    @PostMapping("/preview")
    Preview preview(@RequestBody PreviewRequest request) {
        List<String> questions = request == null || request.questions() == null ? List.of() : request.questions();
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("questions is required: a JSON list of 1 to " + MAX_PREVIEW_QUESTIONS
                    + " test questions");
        }
        if (questions.size() > MAX_PREVIEW_QUESTIONS) {
            throw new IllegalArgumentException("questions has " + questions.size() + " entries; at most "
                    + MAX_PREVIEW_QUESTIONS);
        }
        for (int i = 0; i < questions.size(); i++) {
            String q = questions.get(i);
            if (q == null || q.isBlank()) {
                throw new IllegalArgumentException("questions[" + i + "] is empty");
            }
            if (q.length() > MAX_QUESTION_CHARS) {
                throw new IllegalArgumentException("questions[" + i + "] has " + q.length() + " characters; at most "
                        + MAX_QUESTION_CHARS);
            }
        }
        return new Preview(join(admin().preview(questions)).stream().map(Answer::of).toList());
    }

    /** Publishes every draft as a new version; the assistant answers from it at once, on every node. */
    @PostMapping("/publish")
    Version publish(Principal principal) {
        return Version.of(join(admin().publish(who(principal)))); // logged by the assistant with the name
    }

    @GetMapping("/versions")
    Versions versions() {
        KnowledgeBaseAdmin a = admin();
        return new Versions(a.currentVersion(), a.versions().stream().map(Version::of).toList());
    }

    /** Publishes an earlier version's content again as a new version (0: the shipped knowledge base). */
    @PostMapping("/versions/{version}/restore")
    Version restore(@PathVariable long version, Principal principal) {
        return Version.of(join(admin().restore(version, who(principal))));
    }

    private KnowledgeBaseAdmin admin() {
        return assistant.administration().orElseThrow(() -> new NotConfigured(
                "this server's assistant has no knowledge-base archive; administration is off"));
    }

    private static String who(Principal principal) {
        return CurrentUser.of(principal).map(u -> u.username()).orElse(principal.getName());
    }

    /** The request body, refused with 413 from its declared length or as soon as it passes the limit. */
    private static byte[] body(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > KnowledgeBaseAdmin.MAX_CSV_BYTES) {
            throw new TooLarge(declared);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] read = in.readNBytes(KnowledgeBaseAdmin.MAX_CSV_BYTES + 1);
            if (read.length > KnowledgeBaseAdmin.MAX_CSV_BYTES) {
                throw new TooLarge(-1);
            }
            if (read.length == 0) {
                throw new IllegalArgumentException("the request body is empty; send the CSV file as the body"
                        + " (Content-Type: text/csv)");
            }
            return read;
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    static final class TooLarge extends RuntimeException {
        TooLarge(long declared) {
            super("the CSV is larger than " + KnowledgeBaseAdmin.MAX_CSV_BYTES / (1024 * 1024) + " MiB"
                    + (declared > 0 ? " (" + declared + " bytes)" : "") + "; split it or shorten the answers");
        }
    }

    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    static final class NotConfigured extends RuntimeException {
        NotConfigured(String message) {
            super(message);
        }
    }
}

package org.mvtm.web.documents;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.mvtm.core.Party;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InteractionAbandoned;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.id.InteractionId;
import org.mvtm.recording.api.ActiveRecording;
import org.mvtm.recording.api.RecordedDocument;
import org.mvtm.recording.api.RecordingStore;
import org.mvtm.recording.api.TimelineEntry;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.web.api.DocumentSettings;
import org.mvtm.web.security.RequestRefused;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The documents of the calls connected on this node: PDFs and images either party sends, forms the advisor sends
 * and the customer signs. Each is checked by content ({@link DocumentChecks}), stored in the call's recording first
 * (encrypted, hashed into its chain, on its timeline: {@link ActiveRecording#addDocument}) and only then shown to the
 * other party; what is refused stores nothing. The bytes are kept in memory for the two parties while the call lasts
 * and forgotten when it ends; afterwards only the compliance officer reads them, from the recording. Who may ask is
 * checked by the callers (the advisor connected with the call, the customer who owns the conversation).
 */
@Component
public class CallDocuments implements DisposableBean {
    private final RecordingStore recordings;
    private final RoutingEngine routing;
    private final Clock clock;
    private final DocumentSettings settings;
    private final DocumentLibrary library;
    private final Map<InteractionId, Call> calls = new ConcurrentHashMap<>();
    private final List<BiConsumer<InteractionId, SharedDocument>> listeners = new CopyOnWriteArrayList<>();
    private final List<EventBus.Subscription> subscriptions;

    /** A document's bytes and type, for the two parties' pages. */
    public record Content(String contentType, byte[] bytes) {
        /** The answer for a page: shown inline, never sniffed as another type, never cached. */
        public ResponseEntity<byte[]> inline() {
            return ResponseEntity.ok().header("Content-Type", contentType).header("Content-Disposition", "inline")
                    .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store")
                    .header("Content-Security-Policy", "sandbox").body(bytes);
        }
    }

    private static final class Call {
        final List<SharedDocument> documents = new ArrayList<>();
        final Map<String, Content> contents = new HashMap<>();
        final Map<String, FormTemplate> forms = new HashMap<>();
        int next = 1;
    }

    public CallDocuments(RecordingStore recordings, RoutingEngine routing, Clock clock, EventBus events,
                         ObjectProvider<DocumentSettings> settings) {
        this.recordings = recordings;
        this.routing = routing;
        this.clock = clock;
        this.settings = settings.getIfAvailable(DocumentSettings::defaults);
        this.library = new DocumentLibrary(this.settings.library());
        this.subscriptions = List.of(
                events.subscribe(InteractionEnded.class, e -> calls.remove(e.interaction())),
                events.subscribe(InteractionAbandoned.class, e -> calls.remove(e.interaction())));
    }

    public DocumentSettings settings() {
        return settings;
    }

    /** Called with every document added to a call, after it is in the recording. */
    public void listen(BiConsumer<InteractionId, SharedDocument> listener) {
        listeners.add(listener);
    }

    public List<SharedDocument> list(InteractionId interaction) {
        return read(interaction, List.of(), call -> List.copyOf(call.documents));
    }

    public Optional<Content> content(InteractionId interaction, String id) {
        return read(interaction, Optional.empty(), call -> Optional.ofNullable(call.contents.get(id)));
    }

    /**
     * Document {@code id} of the call as a page reads it ({@link Content#inline}).
     *
     * @throws RequestRefused 404 naming {@code document} when the call has no such document
     */
    public ResponseEntity<byte[]> inline(InteractionId interaction, String id) {
        return content(interaction, id).map(Content::inline)
                .orElseThrow(() -> new RequestRefused(HttpStatus.NOT_FOUND, "document", "this call has no document "
                        + id));
    }

    /** What the advisor of the call may send from the library of the queue the call is (or was last) in. */
    public List<DocumentLibrary.Entry> library(InteractionId interaction) {
        return routing.interaction(interaction).map(v -> library.list(v.queue())).orElse(List.of());
    }

    /** Whether the call's recording is open, so documents can be kept (it opens a moment after the accept). */
    public boolean recorded(InteractionId interaction) {
        return recordings.active(interaction).isPresent();
    }

    /**
     * A PDF or image sent by {@code party} ({@link Party#ADVISOR} or {@link Party#CUSTOMER}).
     *
     * @throws RequestRefused naming {@code file} (empty, not PDF/PNG/JPEG, a PDF with scripts, too many documents)
     *                        or {@code interaction} (not recorded)
     */
    public SharedDocument share(InteractionId interaction, Party party, String sender, String fileName,
                                byte[] bytes) {
        String type = DocumentChecks.contentType("file", bytes);
        return store(interaction, party, sender, "document", name(fileName), type, bytes, null);
    }

    /** A document or a form from the library of the call's queue, sent by the advisor. */
    public SharedDocument sendFromLibrary(InteractionId interaction, String advisor, String file) {
        byte[] bytes = library.read(routing.interaction(interaction).map(v -> v.queue())
                .orElseThrow(() -> recordingMissing(interaction)), file);
        if (!file.endsWith(DocumentLibrary.FORM_SUFFIX)) {
            return share(interaction, Party.ADVISOR, advisor, file, bytes);
        }
        FormTemplate form;
        try {
            form = FormTemplate.parse(file, bytes);
        } catch (IllegalArgumentException e) {
            throw RequestRefused.bad("file", e.getMessage());
        }
        return store(interaction, Party.ADVISOR, advisor, "form", form.title(), "application/json", bytes, form);
    }

    /**
     * The customer signs a form of the call: the canonical signed document binds the filled fields, the drawn
     * signature, the signer's authenticated identity, the moment and the template's SHA-256; it is stored in the
     * recording as a signed document and shown to both.
     *
     * @throws RequestRefused naming {@code form} (unknown, already signed), {@code fields.<name>} or {@code signature}
     */
    public SharedDocument sign(InteractionId interaction, String formId, SignedForm.Signer signer,
                               Map<String, String> fields, String signature) {
        Call call = calls.get(interaction);
        FormTemplate template;
        SharedDocument form;
        synchronized (call == null ? this : call) {
            template = call == null ? null : call.forms.get(formId);
            if (template == null) {
                throw new RequestRefused(HttpStatus.NOT_FOUND, "form", "this call has no form " + formId);
            }
            form = call.documents.stream().filter(d -> d.id().equals(formId)).findFirst().orElseThrow();
            if (!form.form().isEmpty()) {
                throw new RequestRefused(HttpStatus.CONFLICT, "form", "form " + formId + " is already signed ("
                        + form.form() + ")");
            }
        }
        Map<String, String> answers = template.answers(fields);
        byte[] png = SignedForm.signature(signature);
        ActiveRecording recording = recording(interaction);
        byte[] signed = SignedForm.canonical(template, formId, answers, png, signer, clock.instant(),
                interaction.value(), recording.id().value());
        SharedDocument result = store(interaction, Party.CUSTOMER, signer.username(), "signed", template.title(),
                "application/json", signed, null, formId);
        synchronized (call) {
            call.documents.replaceAll(d -> d.id().equals(formId) ? d.signedAs(result.id()) : d);
        }
        return result;
    }

    /** What {@code read} reads of the call under its lock; {@code none} when the call holds no documents. */
    private <T> T read(InteractionId interaction, T none, Function<Call, T> read) {
        Call call = calls.get(interaction);
        if (call == null) {
            return none;
        }
        synchronized (call) {
            return read.apply(call);
        }
    }

    private SharedDocument store(InteractionId interaction, Party party, String sender, String kind, String name,
                                 String type, byte[] bytes, FormTemplate form) {
        return store(interaction, party, sender, kind, name, type, bytes, form, "");
    }

    private SharedDocument store(InteractionId interaction, Party party, String sender, String kind, String name,
                                 String type, byte[] bytes, FormTemplate form, String ofForm) {
        if (bytes.length > settings.maxBytes()) {
            throw new RequestRefused(HttpStatus.PAYLOAD_TOO_LARGE, "file", "a document may have at most "
                    + settings.maxBytes() + " bytes; this one has " + bytes.length);
        }
        ActiveRecording recording = recording(interaction);
        Call call = calls.computeIfAbsent(interaction, k -> new Call());
        SharedDocument shared;
        synchronized (call) {
            if (call.documents.size() >= settings.maxPerCall()) {
                throw new RequestRefused(HttpStatus.CONFLICT, "file", "a call holds at most "
                        + settings.maxPerCall() + " documents");
            }
            String id = (kind.equals("signed") ? "signed-d" : "d") + call.next++;
            Map<String, String> attributes = new HashMap<>();
            attributes.put("kind", kind);
            if (form != null) {
                attributes.put("templateSha256", form.sha256());
            }
            if (!ofForm.isEmpty()) {
                attributes.put("form", ofForm);
            }
            TimelineEntry entry;
            try {
                entry = recording.addDocument(new RecordedDocument(id, clock.instant(), sender, party.name(), name, type,
                        bytes, kind.equals("signed"), attributes));
            } catch (IllegalStateException e) {
                throw new RequestRefused(HttpStatus.CONFLICT, "interaction", "the document was not recorded: "
                        + e.getMessage());
            }
            shared = new SharedDocument(id, kind, name, type, bytes.length, entry.attributes().get("sha256"), party.name(),
                    sender, entry.at(), ofForm);
            call.documents.add(shared);
            call.contents.put(id, new Content(type, bytes));
            if (form != null) {
                call.forms.put(id, form);
            }
        }
        listeners.forEach(l -> l.accept(interaction, shared));
        return shared;
    }

    private ActiveRecording recording(InteractionId interaction) {
        return recordings.active(interaction).orElseThrow(() -> recordingMissing(interaction));
    }

    private static RequestRefused recordingMissing(InteractionId interaction) {
        return new RequestRefused(HttpStatus.CONFLICT, "interaction", "documents are kept with the call's recording, "
                + "and interaction " + interaction.value() + " is not being recorded (ended, not connected with an "
                + "advisor, or the recording is still opening)");
    }

    private static String name(String fileName) {
        String n = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "").replaceAll("[\\p{Cntrl}]", "").strip();
        return n.isEmpty() ? "document" : n.length() > 100 ? n.substring(0, 100) : n;
    }

    @Override
    public void destroy() {
        subscriptions.forEach(EventBus.Subscription::close);
    }
}

package org.mvtm.web.documents;

import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mvtm.core.digest.Digests;
import org.mvtm.web.security.RequestRefused;
import tools.jackson.databind.json.JsonMapper;

/**
 * The canonical signed document of a form filled and signed in a call: UTF-8 JSON with its keys in a fixed order
 * ({@code type, form{file, title, templateSha256, id}, fields (the template's order), signature{contentType, sha256,
 * png (base64)}, signer{username, displayName, authentication}, signedAt, interaction, recording}), so the same
 * signature gives the same bytes and its SHA-256, in the recording's hash chain, proves nothing was changed since.
 */
public final class SignedForm {
    /** The format named in every signed document. */
    public static final String TYPE = "mvtm-signed-form/1";
    /** The largest drawn signature accepted. */
    public static final int MAX_SIGNATURE_BYTES = 512 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Who signed, as the web tier authenticated them.
     *
     * @param authentication how: {@code bank token <issuer> <subject>} or {@code password sign-in}
     */
    public record Signer(String username, String displayName, String authentication) {
    }

    private SignedForm() {
    }

    /**
     * The drawn signature: a PNG, as a {@code data:image/png;base64,} URL (a canvas's {@code toDataURL()}) or plain
     * base64.
     *
     * @throws RequestRefused naming {@code signature}
     */
    public static byte[] signature(String given) {
        if (given == null || given.isBlank()) {
            throw RequestRefused.bad("signature", "a drawn signature (PNG) is required");
        }
        String b64 = given.strip();
        if (b64.startsWith("data:")) {
            int comma = b64.indexOf(',');
            if (!b64.startsWith("data:image/png;base64,") || comma < 0) {
                throw RequestRefused.bad("signature", "must be a data:image/png;base64 URL");
            }
            b64 = b64.substring(comma + 1);
        }
        if (b64.length() > MAX_SIGNATURE_BYTES * 4 / 3 + 4) {
            throw RequestRefused.bad("signature", "at most " + MAX_SIGNATURE_BYTES + " bytes");
        }
        byte[] png;
        try {
            png = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw RequestRefused.bad("signature", "is not base64");
        }
        if (!DocumentChecks.PNG.equals(DocumentChecks.sniff(png))) {
            throw RequestRefused.bad("signature", "must be a PNG image");
        }
        return png;
    }

    static byte[] canonical(FormTemplate template, String formId, Map<String, String> answers, byte[] png,
                            Signer signer, Instant at, String interaction, String recording) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", TYPE);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("id", formId);
        form.put("file", template.file());
        form.put("title", template.title());
        form.put("templateSha256", template.sha256());
        doc.put("form", form);
        doc.put("fields", answers);
        Map<String, Object> signature = new LinkedHashMap<>();
        signature.put("contentType", DocumentChecks.PNG);
        signature.put("sha256", Digests.sha256Hex(png));
        signature.put("png", Base64.getEncoder().encodeToString(png));
        doc.put("signature", signature);
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("username", signer.username());
        who.put("displayName", signer.displayName());
        who.put("authentication", signer.authentication());
        doc.put("signer", who);
        doc.put("signedAt", at.toString());
        doc.put("interaction", interaction);
        doc.put("recording", recording);
        return JSON.writeValueAsBytes(doc);
    }
}

package org.mvtm.web.documents;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.mvtm.core.digest.Digests;
import org.mvtm.web.security.RequestRefused;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A form an advisor sends to be filled and signed in the call: a {@code *.form.json} file of the queue's library,
 * {@code {"title": text, "text": text, "fields": [{"name", "label": text, "type": "text|date|number|checkbox",
 * "required": bool}]}} where a text is a string or {@code {"en": ..., "zh-Hans": ..., "zh-Hant": ...}}. The customer's
 * page renders it as an HTML form; {@link #sha256()} (of the file's bytes) is bound into the signed document.
 */
public record FormTemplate(String file, String title, List<Field> fields, byte[] bytes, String sha256) {
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");
    private static final Set<String> TYPES = Set.of("text", "date", "number", "checkbox");
    /** The longest value a field takes. */
    public static final int MAX_VALUE = 500;

    public record Field(String name, String type, boolean required) {
    }

    /**
     * Parses a template.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static FormTemplate parse(String file, byte[] bytes) {
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(bytes);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("form template " + file + " is not JSON: " + e.getOriginalMessage());
        }
        String title = english(root.get("title"));
        if (title.isBlank()) {
            throw new IllegalArgumentException("form template " + file + " needs a title");
        }
        List<Field> fields = new ArrayList<>();
        JsonNode list = root.get("fields");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException("form template " + file + " needs a list of fields");
        }
        for (JsonNode f : list) {
            String name = f.path("name").asString("");
            String type = f.path("type").asString("text");
            if (!FIELD_NAME.matcher(name).matches() || !TYPES.contains(type)) {
                throw new IllegalArgumentException("form template " + file + ": field '" + name + "' of type '" + type
                        + "' needs a name of letters, digits and _ and a type of " + TYPES);
            }
            fields.add(new Field(name, type, f.path("required").asBoolean(false)));
        }
        return new FormTemplate(file, title, List.copyOf(fields), bytes.clone(), Digests.sha256Hex(bytes));
    }

    /**
     * The customer's answers, checked against the fields: every required field filled, no unknown field, no value
     * over {@link #MAX_VALUE} characters; in the template's order.
     *
     * @throws RequestRefused naming the field ({@code fields.<name>})
     */
    public Map<String, String> answers(Map<String, String> given) {
        Map<String, String> values = given == null ? Map.of() : given;
        Set<String> known = new HashSet<>();
        Map<String, String> out = new LinkedHashMap<>();
        for (Field f : fields) {
            known.add(f.name());
            String v = values.get(f.name()) == null ? "" : values.get(f.name()).strip();
            if (v.length() > MAX_VALUE) {
                throw RequestRefused.bad("fields." + f.name(), "at most " + MAX_VALUE + " characters");
            }
            if (f.required() && (v.isEmpty() || f.type().equals("checkbox") && !v.equals("true"))) {
                throw RequestRefused.bad("fields." + f.name(), "is required");
            }
            out.put(f.name(), v);
        }
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw RequestRefused.bad("fields." + name, "is not a field of form " + file);
            }
        }
        return out;
    }

    private static String english(JsonNode text) {
        if (text == null) {
            return "";
        }
        return text.isObject() ? text.path("en").asString("") : text.asString("");
    }
}

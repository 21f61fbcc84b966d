package org.mvtm.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request refused for a reason a person can be told: a stable {@code code} (e.g. {@code advisor.transition}) and
 * its parameters, which a console translates into the user's language, plus an English message for logs. It is an
 * {@link IllegalStateException}, so callers that only know that type keep working.
 */
public final class Refusal extends IllegalStateException {
    private final String code;
    private final Map<String, String> params;

    private Refusal(String code, Map<String, String> params, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.params = Map.copyOf(params);
    }

    /** A refusal with parameters given as name, value pairs (values are turned into strings). */
    public static Refusal of(String code, String message, Object... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("parameters of refusal " + code + " must come in name, value pairs");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            params.put(String.valueOf(nameValuePairs[i]), String.valueOf(nameValuePairs[i + 1]));
        }
        return new Refusal(code, params, message);
    }

    public String code() {
        return code;
    }

    public Map<String, String> params() {
        return params;
    }
}

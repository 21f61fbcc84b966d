package org.mvtm.web.security;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * What to tell a client whose JSON body could not be read: the field (its path, or {@code body}) and a sentence
 * without the parser's own words, which name Java types ({@code java.lang.String}, the server's records).
 */
public record UnreadableJson(String field, String message) {
    public static UnreadableJson of(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof DatabindException d && !d.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (var ref : d.getPath()) {
                if (ref.getPropertyName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return new UnreadableJson(path.toString(), "has the wrong type or an unknown value");
        }
        if (cause instanceof JacksonException j && j.getLocation() != null) {
            return new UnreadableJson("body", "is not valid JSON (line " + j.getLocation().getLineNr() + ", column "
                    + j.getLocation().getColumnNr() + ")");
        }
        return new UnreadableJson("body", "is not the JSON this endpoint expects");
    }
}

package org.mvtm.admin.api;

/** An entry of the skill catalogue: {@code lang.*} languages, {@code product.*} products or custom skills. */
public record Skill(String name, Kind kind, String label) {
    public enum Kind {
        LANGUAGE,
        PRODUCT,
        CUSTOM
    }
}

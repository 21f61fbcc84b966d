package org.mvtm.web.api;

/** How the web tier's settings records read a text setting: stripped, and empty or a default when left out. */
final class SettingText {
    private SettingText() {
    }

    /** The setting stripped, or empty when it is not set. */
    static String orEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    /** The setting stripped, or {@code fallback} when it is not set or blank. */
    static String orDefault(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s.strip();
    }
}

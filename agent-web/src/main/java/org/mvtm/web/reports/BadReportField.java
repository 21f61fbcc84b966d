package org.mvtm.web.reports;

/** A report parameter that is missing or wrong: 400 naming {@code field}. */
final class BadReportField extends IllegalArgumentException {
    private final String field;

    BadReportField(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}

package org.mvtm.chatbot.api;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with an uploaded knowledge-base CSV, for the administrator to fix.
 *
 * @param row     the line the row starts on (1 is the header; 0 when the problem concerns the whole file)
 * @param column  the column, when one column is at fault ({@code faq_id}, {@code language}, {@code question},
 *                {@code answer}, {@code product})
 * @param message what is wrong, in words
 */
public record KnowledgeBaseProblem(int row, Optional<String> column, String message) {
    public KnowledgeBaseProblem {
        Objects.requireNonNull(message, "message");
        column = column == null ? Optional.empty() : column;
    }

    public static KnowledgeBaseProblem at(int row, String column, String message) {
        return new KnowledgeBaseProblem(row, Optional.ofNullable(column), message);
    }

    /** E.g. {@code row 7, column answer: empty}. */
    @Override
    public String toString() {
        String where = row > 0 ? "row " + row : "file";
        return where + column.map(c -> ", column " + c).orElse("") + ": " + message;
    }
}

package org.mvtm.chatbot.kb;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.mvtm.chatbot.api.KnowledgeBaseException;

/**
 * RFC 4180 CSV reader: comma separated, fields optionally enclosed in double quotes, a quote inside a quoted field
 * doubled, CRLF or LF line ends, line breaks allowed inside quoted fields. A leading UTF-8 BOM is skipped.
 *
 * <p>An explicit state machine, fed one character at a time:
 * <pre>
 *   state          | ','          | '"'             | CR / LF      | other
 *   FIELD_START    | end field    | -> QUOTED       | end record   | -> UNQUOTED
 *   UNQUOTED       | end field    | error           | end record   | append
 *   QUOTED         | append       | -> QUOTE_IN_QUOTED | append    | append
 *   QUOTE_IN_QUOTED| end field    | append '"', -> QUOTED | end record | error
 * </pre>
 */
public final class CsvReader {
    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    /** One parsed record and the line it started on (1-based). */
    public record Record(int line, List<String> fields) {
    }

    private final String source;

    public CsvReader(String source) {
        this.source = source;
    }

    public List<Record> read(Reader in) throws IOException {
        Records r = new Records();
        State state = State.FIELD_START;
        boolean first = true;
        int c;
        while ((c = in.read()) != -1) {
            if (first) {
                first = false;
                if (c == '\uFEFF') {
                    continue;
                }
            }
            if (r.afterCr) {
                r.afterCr = false;
                if (c == '\n') {
                    continue; // CRLF already ended the record
                }
            }
            switch (state) {
                case FIELD_START, UNQUOTED -> {
                    if (r.separator(c)) {
                        state = State.FIELD_START;
                    } else if (c == '"') {
                        if (state == State.UNQUOTED) {
                            throw error(r.line, "a quote inside an unquoted field (enclose the field in quotes and"
                                    + " double the quote)");
                        }
                        state = State.QUOTED;
                    } else {
                        r.field.append((char) c);
                        state = State.UNQUOTED;
                    }
                }
                case QUOTED -> {
                    if (c == '"') {
                        state = State.QUOTE_IN_QUOTED;
                    } else {
                        if (c == '\n') {
                            r.line++;
                        }
                        r.field.append((char) c);
                    }
                }
                case QUOTE_IN_QUOTED -> {
                    if (c == '"') {
                        r.field.append('"');
                        state = State.QUOTED;
                    } else if (r.separator(c)) {
                        state = State.FIELD_START;
                    } else {
                        throw error(r.line, "unexpected character '" + (char) c + "' after a closing quote");
                    }
                }
            }
        }
        if (state == State.QUOTED) {
            throw error(r.recordLine, "a quoted field is not closed before the end of the file");
        }
        if (state != State.FIELD_START || !r.fields.isEmpty()) {
            r.endField();
            r.addRecord();
        }
        return r.records;
    }

    /** What the reader has collected: the records so far, the fields and the field being read, and where it is. */
    private static final class Records {
        final List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        final StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        /** The last character was a CR: an LF right after it belongs to the same line break. */
        boolean afterCr;

        /** A comma ends the field, a line break (CR, LF) the field and the record: true if {@code c} was one. */
        boolean separator(int c) {
            if (c == ',') {
                endField();
                return true;
            }
            if (c == '\r' || c == '\n') {
                afterCr = c == '\r';
                endRecord();
                return true;
            }
            return false;
        }

        void endField() {
            fields.add(field.toString());
            field.setLength(0);
        }

        /** Ends the field and the record at a line break; the next record starts on the next line. */
        void endRecord() {
            endField();
            addRecord();
            fields = new ArrayList<>();
            line++;
            recordLine = line;
        }

        void addRecord() {
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                return; // blank line
            }
            records.add(new Record(recordLine, List.copyOf(fields)));
        }
    }

    private SyntaxError error(int line, String what) {
        return new SyntaxError(source, line, what);
    }

    /** The text is not CSV: {@link #line()} is where the reader noticed, {@link #what()} says what is wrong. */
    public static final class SyntaxError extends KnowledgeBaseException {
        private final int line;
        private final String what;

        SyntaxError(String source, int line, String what) {
            super(source + " line " + line + ": " + what);
            this.line = line;
            this.what = what;
        }

        public int line() {
            return line;
        }

        public String what() {
            return what;
        }
    }
}

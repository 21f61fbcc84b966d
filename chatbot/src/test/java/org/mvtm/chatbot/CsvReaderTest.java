package org.mvtm.chatbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mvtm.chatbot.api.KnowledgeBaseException;
import org.mvtm.chatbot.kb.CsvReader;

class CsvReaderTest {
    private static List<CsvReader.Record> read(String csv) throws Exception {
        return new CsvReader("test.csv").read(new StringReader(csv));
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws Exception {
        List<CsvReader.Record> r = read("\uFEFFa,b\r\n\"x, y\",\"say \"\"hi\"\"\nthere\"\r\nlast,\n");
        assertThat(r).hasSize(3);
        assertThat(r.get(0).fields()).containsExactly("a", "b");
        assertThat(r.get(1).fields()).containsExactly("x, y", "say \"hi\"\nthere");
        assertThat(r.get(2).fields()).containsExactly("last", "");
        assertThat(r.get(2).line()).isEqualTo(4);
    }

    @Test
    void toleratesAMissingFinalNewlineAndBlankLines() throws Exception {
        assertThat(read("a,b\n\nc,d")).extracting(CsvReader.Record::fields)
                .containsExactly(List.of("a", "b"), List.of("c", "d"));
    }

    @Test
    void sameRecordsWhenFedOneCharacterAtATime() throws Exception {
        String csv = "q,\"a,\"\"b\"\"\"\r\n\"x\ny\",z\n";
        Reader slow = new Reader() {
            private int i;

            @Override
            public int read(char[] buf, int off, int len) {
                if (i >= csv.length()) {
                    return -1;
                }
                buf[off] = csv.charAt(i++);
                return 1;
            }

            @Override
            public void close() {
            }
        };
        assertThat(new CsvReader("slow").read(slow)).isEqualTo(read(csv));
    }

    @Test
    void unclosedQuoteIsReportedWithTheLineItStartedOn() {
        assertThatThrownBy(() -> read("a,b\nc,\"never closed\n"))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("test.csv line 2").hasMessageContaining("not closed");
    }

    @Test
    void quoteInsideAnUnquotedFieldIsRejected() {
        assertThatThrownBy(() -> read("a,b\nc,d\"e\n"))
                .isInstanceOf(KnowledgeBaseException.class).hasMessageContaining("test.csv line 2");
    }
}

package org.mvtm.chatbot.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Per-field analysis: English stemming, SmartCN segmentation, and a plain StandardAnalyzer for the baseline. */
public final class Analyzers {
    public static final String PLAIN = "plain";

    private final Analyzer perField = new PerFieldAnalyzerWrapper(new StandardAnalyzer(),
            Map.of(Pool.EN.textField(), new EnglishAnalyzer(), Pool.ZH.textField(), new SmartChineseAnalyzer(),
                    PLAIN, new StandardAnalyzer()));

    public Analyzer analyzer() {
        return perField;
    }

    /** The terms the field's analyzer produces for the text. */
    public List<String> terms(String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = perField.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                if (!t.isBlank() && !(field.equals(Pool.ZH.textField()) && isPunctuation(t))) {
                    out.add(t);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static boolean isPunctuation(String t) {
        return t.codePoints().noneMatch(Character::isLetterOrDigit);
    }
}

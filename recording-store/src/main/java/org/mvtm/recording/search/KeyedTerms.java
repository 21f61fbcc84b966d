package org.mvtm.recording.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.mvtm.recording.api.RecordingKeys;

/**
 * What the search index holds instead of words: HMAC-SHA256 of each analysed term (after stemming, Chinese word
 * segmentation or CJK bigrams), cut to 128 bits and Base64url-encoded, under a key derived from the active master
 * key. Documents and queries go through the same analyzer and then this filter, so a query term matches exactly
 * when the plain terms matched; positions are kept, so phrases still match. Without the master key the index is a
 * list of random-looking tokens.
 */
final class KeyedTerms {
    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] PURPOSE = "mvtm search index terms v1".getBytes(StandardCharsets.UTF_8);
    private final SecretKeySpec key;
    /** Names the key (not the key): stored with the index so a different master key rebuilds it. */
    private final String version;

    KeyedTerms(RecordingKeys keys) {
        String masterKeyId = keys.activeMasterKeyId();
        try {
            Mac derive = Mac.getInstance(ALGORITHM);
            derive.init(new SecretKeySpec(keys.masterKey(masterKeyId).getEncoded(), ALGORITHM));
            this.key = new SecretKeySpec(derive.doFinal(PURPOSE), ALGORITHM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the search index key", e);
        }
        this.version = "hmac-sha256-128/" + masterKeyId;
    }

    String version() {
        return version;
    }

    /** The keyed token of one plain term (for fields indexed without an analyzer). */
    String of(String term) {
        return encode(newMac().doFinal(term.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code analyzer}, with every term it produces replaced by its keyed token. */
    Analyzer wrap(Analyzer analyzer) {
        return new AnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return analyzer;
            }

            @Override
            protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
                return new TokenStreamComponents(components.getSource(),
                        new KeyedTermFilter(components.getTokenStream(), newMac()));
            }
        };
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static String encode(byte[] mac) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, 16));
    }

    /** Replaces each term in place; one Mac per token stream (a stream is used by one thread at a time). */
    private static final class KeyedTermFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final Mac mac;

        KeyedTermFilter(TokenStream input, Mac mac) {
            super(input);
            this.mac = mac;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            byte[] plain = term.toString().getBytes(StandardCharsets.UTF_8);
            String token = encode(mac.doFinal(plain));
            term.setEmpty().append(token);
            return true;
        }
    }
}

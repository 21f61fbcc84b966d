package org.mvtm.sip.speech;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mvtm.core.Language;
import org.mvtm.sip.api.speech.SpeechException;
import org.mvtm.sip.api.speech.SpeechRecognizer;

/**
 * A self-hosted Vosk server ({@code alphacep/vosk-server}, {@code websocket/asr_server.py}; sherpa-onnx's
 * {@code streaming_server} speaks a compatible subset) with one model per language, e.g. {@code
 * vosk-model-cn-0.22} for Mandarin and a Cantonese model the bank trains or buys. Per utterance: one WebSocket,
 * the text message {@code {"config":{"sample_rate":8000}}}, the audio as binary messages of 16-bit little-endian
 * samples (0.2 s each), then {@code {"eof":1}}; the server answers each chunk with {@code {"partial":...}} or a
 * {@code {"result":[...],"text":...}} and closes after the final {@code {"text":...}}. The utterance's text is every
 * non-empty {@code "text"} in order. The phrases are not sent (Vosk's grammar option is per model and language).
 */
public final class VoskRecognizer implements SpeechRecognizer {
    private static final Pattern TEXT = Pattern.compile("\"text\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private final Map<Language, URI> servers;
    private final HttpClient http;
    private final Duration timeout;

    public VoskRecognizer(Map<Language, URI> servers, Duration timeout) {
        this.servers = Map.copyOf(servers);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public boolean recognizes(Language language) {
        return servers.containsKey(language);
    }

    @Override
    public Optional<String> recognize(short[] samples8k, Language language, List<String> phrases) {
        URI server = servers.get(language);
        if (server == null) {
            throw new SpeechException("no Vosk server configured for " + language);
        }
        Listener listener = new Listener();
        try {
            WebSocket ws = http.newWebSocketBuilder().connectTimeout(timeout).buildAsync(server, listener)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            ws.sendText("{\"config\":{\"sample_rate\":8000}}", true).join();
            for (int from = 0; from < samples8k.length; from += 1600) {
                int to = Math.min(samples8k.length, from + 1600);
                ByteBuffer chunk = ByteBuffer.allocate(2 * (to - from)).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = from; i < to; i++) {
                    chunk.putShort(samples8k[i]);
                }
                ws.sendBinary(chunk.flip(), true).join();
            }
            ws.sendText("{\"eof\":1}", true).join();
            String text = listener.done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            ws.abort();
            return text.isBlank() ? Optional.empty() : Optional.of(text);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new SpeechException("Vosk server " + server + " for " + language + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechException("interrupted while waiting for Vosk server " + server, e);
        }
    }

    /** The texts in one server message ({@code "text"} of a result or the final message), unescaped. */
    static List<String> texts(String message) {
        List<String> out = new ArrayList<>();
        Matcher m = TEXT.matcher(message);
        while (m.find()) {
            String t = unescape(m.group(1)).strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                if (n == 'u' && i + 4 < s.length()) {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                } else {
                    b.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static final class Listener implements WebSocket.Listener {
        final CompletableFuture<String> done = new CompletableFuture<>();
        private final StringBuilder partialMessage = new StringBuilder();
        private final List<String> texts = new ArrayList<>();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partialMessage.append(data);
            if (last) {
                String message = partialMessage.toString();
                partialMessage.setLength(0);
                if (!message.contains("\"partial\"")) {
                    texts.addAll(texts(message));
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            done.complete(String.join(" ", texts));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            done.completeExceptionally(error);
        }
    }
}

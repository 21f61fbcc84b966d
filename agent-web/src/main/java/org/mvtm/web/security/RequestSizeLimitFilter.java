package org.mvtm.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over {@code maxBytes} with 413 before anything reads it: from its declared
 * {@code Content-Length} at once, and a body without one (chunked) as soon as more than {@code maxBytes} have
 * arrived; a chunked body within the limit is handed on from the bytes read. Paths {@code ownLimit} accepts
 * (the knowledge-base upload, documents in a call) apply their own, larger limit the same way.
 */
public final class RequestSizeLimitFilter extends OncePerRequestFilter {
    private final int maxBytes;
    private final Predicate<String> ownLimit;

    public RequestSizeLimitFilter(int maxBytes, Predicate<String> ownLimit) {
        this.maxBytes = maxBytes;
        this.ownLimit = ownLimit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return ownLimit.test(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(response, declared);
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body;
            try (InputStream in = request.getInputStream()) {
                body = in.readNBytes(maxBytes + 1);
            }
            if (body.length > maxBytes) {
                refuse(response, -1);
                return;
            }
            chain.doFilter(new ReadBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response, long declared) throws IOException {
        response.setHeader("Connection", "close");
        ErrorAnswer.write(response, HttpStatus.CONTENT_TOO_LARGE, null, "body", "the request body is larger than "
                + maxBytes + " bytes" + (declared > 0 ? " (" + declared + " declared)" : ""));
    }

    /** The request with its (bounded) body already read. */
    private static final class ReadBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body has been read already");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    getCharacterEncoding() == null ? StandardCharsets.UTF_8
                            : Charset.forName(getCharacterEncoding())));
        }
    }
}

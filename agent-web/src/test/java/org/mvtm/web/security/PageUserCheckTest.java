package org.mvtm.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * In a cluster the signed-in user lives in Redis: a style sheet or script must not need it, so that the error page
 * a browser gets while the session store is down still has its look and its words.
 */
class PageUserCheckTest {
    @Test
    void aRequestWithoutThePageUserHeaderPassesWithoutLoadingTheSession() throws Exception {
        MockHttpServletRequest stylesheet = new SessionStoreDown("GET", "/css/app.css");
        MockFilterChain chain = new MockFilterChain();
        // as Spring Security's SecurityContextHolderFilter sets it: the user is read from the session when asked for
        SecurityContextHolder.setDeferredContext(
                new HttpSessionSecurityContextRepository().loadDeferredContext(stylesheet));
        try {
            new PageUserCheck().doFilter(stylesheet, new MockHttpServletResponse(), chain);
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(chain.getRequest()).as("passed on").isSameAs(stylesheet);
    }

    /** A request whose session cannot be read, as with Redis down. */
    private static final class SessionStoreDown extends MockHttpServletRequest {
        SessionStoreDown(String method, String uri) {
            super(method, uri);
        }

        @Override
        public HttpSession getSession(boolean create) {
            throw new IllegalStateException("the session store does not answer");
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }
    }
}

package org.mvtm.web.api;

import java.net.URI;
import java.util.Locale;

/**
 * The origin ({@code scheme://host[:port]}) customers and staff reach the server by ({@code contact.public-url}).
 * When the server provides it, a WebSocket handshake must come from this origin (or one listed in
 * {@link WebTierSettings#allowedOrigins()}); without it the request's own {@code Host} is compared, which a client
 * can set to anything, so production sets the public URL.
 */
public record PublicOrigin(String origin) {
    public PublicOrigin {
        URI u = URI.create(origin);
        if (u.getScheme() == null || u.getHost() == null) {
            throw new IllegalArgumentException("public origin must be scheme://host[:port] but was '" + origin + "'");
        }
        origin = u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getHost().toLowerCase(Locale.ROOT)
                + (u.getPort() == -1 || u.getPort() == defaultPort(u.getScheme()) ? "" : ":" + u.getPort());
    }

    /** The origin of a URL such as {@code https://contact.bank.example/}. */
    public static PublicOrigin ofUrl(String url) {
        return new PublicOrigin(url);
    }

    /** True when a browser's {@code Origin} header names this origin. */
    public boolean matches(String browserOrigin) {
        try {
            return new PublicOrigin(browserOrigin).origin.equals(origin);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}

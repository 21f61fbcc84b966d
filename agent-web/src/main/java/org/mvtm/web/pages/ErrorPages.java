package org.mvtm.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The page a browser gets for any error on a page request (API clients still get Boot's JSON): one template for
 * every status instead of the framework's Whitelabel page. A console not for the user's role (403), an address that
 * leads nowhere (404), a failure on our side (5xx: a session store or database that does not answer) and any other
 * refusal each get their own title and text, in English from {@code static/i18n/en.json} as served, translated by
 * {@code js/error-page.js} once it runs, with who is signed in and the way to their own console.
 */
@Component
class ErrorPages implements ErrorViewResolver {
    private final String template;
    private final JsonNode english;

    ErrorPages(JsonMapper json) {
        this.template = resource("org/mvtm/web/pages/error-page.html");
        this.english = json.readTree(resource("static/i18n/en.json"));
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        String kind = kind(status);
        String page = template.replace("{{status}}", String.valueOf(status.value()))
                .replace("{{kind}}", kind)
                .replace("{{title}}", text("errorPage." + kind + ".title"))
                .replace("{{text}}", text("errorPage." + kind + ".text"));
        ModelAndView view = new ModelAndView(new FixedPage(page.getBytes(StandardCharsets.UTF_8)));
        view.setStatus(status);
        return view;
    }

    /** The i18n key group for a status: {@code errorPage.<kind>.title} and {@code .text}. */
    static String kind(HttpStatus status) {
        if (status == HttpStatus.FORBIDDEN) {
            return "forbidden";
        }
        if (status == HttpStatus.NOT_FOUND) {
            return "notFound";
        }
        return status.is5xxServerError() ? "unavailable" : "refused";
    }

    private String text(String key) {
        JsonNode value = english.path(key);
        if (!value.isString()) {
            throw new IllegalStateException("static/i18n/en.json has no string " + key);
        }
        return HtmlUtils.htmlEscape(value.asString());
    }

    private static String resource(String path) {
        try (InputStream in = ErrorPages.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rendered page; the status is already set by the error controller. */
    private record FixedPage(byte[] body) implements View {
        @Override
        public String getContentType() {
            return MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            response.setContentType(getContentType());
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}

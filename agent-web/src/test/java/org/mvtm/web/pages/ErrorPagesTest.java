package org.mvtm.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statuses a page request can meet besides 403 and 404 (which {@code WebSecurityTest} checks over HTTP): a
 * failure on our side and any other refusal get the product's page with their own words, in every interface language.
 */
class ErrorPagesTest {
    private final JsonMapper json = JsonMapper.builder().build();
    private final ErrorPages pages = new ErrorPages(json);

    @Test
    void aFailureOnOurSideShowsThePageThatSaysToTryAgainWithTheStatusKept() throws Exception {
        MockHttpServletResponse shown = render(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(shown.getContentType()).startsWith("text/html");
        assertThat(shown.getContentAsString()).contains("data-status=\"503\"",
                "<h1 data-i18n=\"errorPage.unavailable.title\">The service could not open this page</h1>",
                "Try again in a moment", "Go to your console", "/js/error-page.js").doesNotContain("{{", "Whitelabel");
        assertThat(render(HttpStatus.INTERNAL_SERVER_ERROR).getContentAsString())
                .contains("data-status=\"500\"", "The service could not open this page");
    }

    @Test
    void aRequestThePageDoesNotAnswerShowsTheRefusedPage() throws Exception {
        assertThat(render(HttpStatus.METHOD_NOT_ALLOWED).getContentAsString()).contains("data-status=\"405\"",
                "data-i18n=\"errorPage.refused.text\"", "This request could not be served");
    }

    @Test
    void everyKindOfErrorPageHasItsWordsInEveryInterfaceLanguage() throws Exception {
        for (String locale : new String[] {"en", "zh-Hans", "zh-Hant"}) {
            JsonNode strings;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("static/i18n/" + locale + ".json")) {
                strings = json.readTree(in);
            }
            for (HttpStatus status : HttpStatus.values()) {
                if (status.isError()) {
                    String kind = ErrorPages.kind(status);
                    assertThat(strings.path("errorPage." + kind + ".title").isString()).as(locale + " " + kind).isTrue();
                    assertThat(strings.path("errorPage." + kind + ".text").isString()).as(locale + " " + kind).isTrue();
                }
            }
        }
    }

    private MockHttpServletResponse render(HttpStatus status) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/agent");
        ModelAndView view = pages.resolveErrorView(request, status, Map.of());
        assertThat(view.getStatus()).isEqualTo(status);
        MockHttpServletResponse response = new MockHttpServletResponse();
        view.getView().render(Map.of(), request, response);
        return response;
    }
}

package org.mvtm.webtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.assertj.core.api.AbstractStringAssert;

/** What the web tests check of a refused API call: its status and the field its answer names. */
final class Refusal {
    private Refusal() {
    }

    /** {@code response} is refused with {@code status} naming {@code field}; the body, for what else it says. */
    static AbstractStringAssert<?> assertRefused(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }
}

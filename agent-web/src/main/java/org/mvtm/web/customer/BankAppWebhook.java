package org.mvtm.web.customer;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.mvtm.web.api.CallbackSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bank's app back end ({@code contact.wait.callbacks.webhook-url}): what the customer should be told on their
 * phone (a callback attempt, a booked appointment) is POSTed there as JSON without waiting, so the bank can push a
 * notification. Failures are logged (WARN) and never stop the caller. No URL: nothing is sent.
 */
@Component
public class BankAppWebhook implements DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(BankAppWebhook.class);

    private final CallbackSettings settings;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public BankAppWebhook(ObjectProvider<CallbackSettings> settings) {
        this.settings = settings.getIfAvailable(CallbackSettings::defaults);
    }

    /** POSTs {@code body} ({@code about} names it in the log). */
    public void post(Map<String, Object> body, String about) {
        settings.webhook().ifPresent(url -> http.sendAsync(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.discarding()).whenComplete((r, failed) -> {
                    if (failed != null || r.statusCode() >= 300) {
                        LOG.warn("bank app webhook {} for {}: {}", url, about,
                                failed != null ? failed.toString() : "HTTP " + r.statusCode());
                    }
                }));
    }

    @Override
    public void destroy() {
        http.close();
    }
}

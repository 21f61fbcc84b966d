package org.mvtm.server.config;

import java.util.Locale;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link InvalidConfigurationException} into Spring Boot's one-paragraph start-up failure report. */
public class InvalidConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfigurationException cause) {
        return new FailureAnalysis("Invalid configuration: " + cause.getMessage(),
                "Fix the property '" + cause.property() + "' (application.yml, --" + cause.property()
                        + "=..., or the environment variable " + toEnv(cause.property()) + ") and start again.",
                cause);
    }

    private static String toEnv(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "");
    }
}

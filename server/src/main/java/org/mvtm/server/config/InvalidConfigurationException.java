package org.mvtm.server.config;

/** A configuration value that cannot work; names the property so the operator knows what to fix. */
public class InvalidConfigurationException extends RuntimeException {
    private final String property;

    public InvalidConfigurationException(String property, String problem) {
        super(property + ": " + problem);
        this.property = property;
    }

    public String property() {
        return property;
    }
}

package org.mvtm.core;

import java.util.Objects;
import org.mvtm.core.id.CustomerId;

/** A bank customer as the contact center sees them. */
public record Customer(CustomerId id, String displayName, CustomerTier tier, Language language, Region region) {
    public Customer {
        Objects.requireNonNull(id, "customer id");
        Objects.requireNonNull(tier, "customer tier");
        Objects.requireNonNull(language, "customer language");
        Objects.requireNonNull(region, "customer region");
        displayName = displayName == null || displayName.isBlank() ? id.value() : displayName.strip();
    }
}

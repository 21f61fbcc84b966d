package org.mvtm.admin.api;

import java.time.Instant;

/** What an advisor recorded at wrap-up for one interaction: a wrap-up code and notes; {@code region} the customer's. */
public record Disposition(String interactionId, String advisor, String region, String code, String notes, Instant at) {}

package org.mvtm.web.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Scheduled video appointments on the web tier.
 *
 * @param bookedAdvisorWait how long a customer who joins their appointment waits for the booked advisor only, before
 *                          any advisor of the queue may take them ({@code contact.wait.appointments.booked-advisor-wait})
 * @param joinEarly         how long before the start the customer may join
 */
public record AppointmentSettings(Duration bookedAdvisorWait, Duration joinEarly) {
    public AppointmentSettings {
        Objects.requireNonNull(bookedAdvisorWait, "booked advisor wait");
        Objects.requireNonNull(joinEarly, "join early");
        if (bookedAdvisorWait.isNegative() || joinEarly.isNegative()) {
            throw new IllegalArgumentException("appointment waits must be zero or more");
        }
    }

    public static AppointmentSettings defaults() {
        return new AppointmentSettings(Duration.ofMinutes(3), Duration.ofMinutes(10));
    }
}

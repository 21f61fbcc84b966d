package org.mvtm.admin.api;

import java.time.Clock;
import org.mvtm.admin.internal.JdbcAdministration;
import org.mvtm.core.event.EventBus;

/** Opens the system of record: migrates the schema (Flyway) and returns the service. */
public final class Administrations {
    private Administrations() {}

    public static AdministrationService open(AdministrationSettings settings, Clock clock, EventBus bus) {
        return JdbcAdministration.open(settings, clock, bus);
    }
}

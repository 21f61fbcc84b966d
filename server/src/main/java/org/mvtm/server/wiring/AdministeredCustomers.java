package org.mvtm.server.wiring;

import java.util.Optional;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.admin.api.Role;
import org.mvtm.core.Customer;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.id.CustomerId;
import org.mvtm.sip.api.CustomerDirectory;

/**
 * SIP callers who are customers in the system of record get their profile (tier, language, region); anyone else
 * (trunk callers) is a standard customer of {@code fallbackRegion}.
 */
record AdministeredCustomers(AdministrationService admin, Region fallbackRegion) implements CustomerDirectory {
    @Override
    public Customer identify(String sipUser, String displayName, Optional<Language> acceptLanguage) {
        return Optional.ofNullable(sipUser).flatMap(admin::user)
                .filter(u -> u.enabled() && u.roles().contains(Role.CUSTOMER))
                .map(u -> new Customer(CustomerId.of(u.username()), u.displayName(),
                        SystemOfRecord.customerTiers(admin.vipTiers()).apply(u), // read only for a customer
                        acceptLanguage.orElse(SystemOfRecord.language(u.language())),
                        Region.of(u.regions().iterator().next())))
                .orElseGet(() -> CustomerDirectory.standard(fallbackRegion).identify(sipUser, displayName, acceptLanguage));
    }
}

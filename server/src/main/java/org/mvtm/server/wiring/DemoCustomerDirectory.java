package org.mvtm.server.wiring;

import java.util.Optional;
import org.mvtm.core.Customer;
import org.mvtm.core.CustomerTier;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.id.CustomerId;
import org.mvtm.server.demo.DemoData;
import org.mvtm.sip.api.CustomerDirectory;

/** SIP callers who are demo customers get their profile (tier, language, region); others are standard HK callers. */
final class DemoCustomerDirectory implements CustomerDirectory {
    private final DemoData demo;

    DemoCustomerDirectory(DemoData demo) {
        this.demo = demo;
    }

    @Override
    public Customer identify(String sipUser, String displayName, Optional<Language> acceptLanguage) {
        return demo.customers().stream().filter(c -> c.username().equals(sipUser)).findFirst()
                .map(c -> new Customer(CustomerId.of(c.username()), c.displayName(), c.tier(),
                        acceptLanguage.orElse(c.language()), c.region()))
                .orElseGet(() -> CustomerDirectory.standard(Region.HK).identify(sipUser, displayName, acceptLanguage));
    }
}

package org.mvtm.sip.api;

import java.util.Optional;
import org.mvtm.core.Customer;
import org.mvtm.core.CustomerTier;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.id.CustomerId;

/**
 * Who is calling: turns the authenticated SIP user (or a trunk caller's From user) into a {@link Customer} for
 * routing (tier, language, region). The server may back this with the bank's customer records.
 */
@FunctionalInterface
public interface CustomerDirectory {

    /**
     * @param sipUser        authenticated username, or the From user part for trunk calls
     * @param displayName    From display name, may be null
     * @param acceptLanguage the language the caller asked for (Accept-Language), if any
     */
    Customer identify(String sipUser, String displayName, Optional<Language> acceptLanguage);

    /** Everyone is a STANDARD customer in {@code region}, speaking the requested language or English. */
    static CustomerDirectory standard(Region region) {
        return (user, name, lang) -> new Customer(CustomerId.of(safe(user)), name, CustomerTier.STANDARD,
                lang.orElse(Language.EN), region);
    }

    private static String safe(String user) {
        String s = user == null ? "" : user.replaceAll("[^A-Za-z0-9._@:-]", "_");
        if (s.isEmpty()) {
            s = "anonymous";
        }
        return s.length() > 120 ? s.substring(0, 120) : s;
    }
}

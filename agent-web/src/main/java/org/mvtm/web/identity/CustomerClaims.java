package org.mvtm.web.identity;

import java.util.Locale;
import org.mvtm.core.CustomerTier;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.web.api.CustomerTokenSettings;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.security.WebPrincipal;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns a verified customer token into the customer the chat serves: id, name, language, region and tier from the
 * configured claims. A claim that is missing or not understood refuses the token with a message naming the claim.
 */
final class CustomerClaims implements Converter<Jwt, AbstractAuthenticationToken> {
    /** Marks a user who has no local password (signed in by a token); no encoder matches it. */
    static final String NO_PASSWORD = "{none}";

    /** Longest customer id and display name taken from a token (the name is shown on every advisor's console). */
    static final int MAX_ID = 100;
    static final int MAX_NAME = 200;
    private final CustomerTokenSettings.Claims names;

    CustomerClaims(CustomerTokenSettings.Claims names) {
        this.names = names;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        WebUser customer = customer(jwt);
        return new CustomerTokenAuthentication(new WebPrincipal(customer, false), jwt);
    }

    WebUser customer(Jwt jwt) {
        String id = bounded(names.customerId(), required(jwt, names.customerId()), MAX_ID);
        Region region;
        try {
            region = Region.of(required(jwt, names.region()));
        } catch (IllegalArgumentException e) {
            throw refused("claim '" + names.region() + "': " + e.getMessage());
        }
        Language language = Language.EN;
        String tag = jwt.getClaimAsString(names.language());
        if (tag != null && !tag.isBlank()) {
            try {
                language = Language.fromTag(tag);
            } catch (IllegalArgumentException e) {
                throw refused("claim '" + names.language() + "': " + e.getMessage());
            }
        }
        String name = bounded(names.name(), jwt.getClaimAsString(names.name()), MAX_NAME);
        try {
            return WebUser.customer(id, NO_PASSWORD, name, language, region, tier(jwt));
        } catch (IllegalArgumentException e) {
            throw refused("claim '" + names.customerId() + "': customer id " + e.getMessage().replace("username ", ""));
        }
    }

    private CustomerTier tier(Jwt jwt) {
        String tier = jwt.getClaimAsString(names.tier());
        if (tier == null || tier.isBlank()) {
            return Boolean.TRUE.equals(jwt.getClaimAsBoolean("vip")) ? CustomerTier.VIP : CustomerTier.STANDARD;
        }
        try {
            return CustomerTier.valueOf(tier.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw refused("claim '" + names.tier() + "' must be STANDARD, PREMIER or VIP but was '" + tier + "'");
        }
    }

    /** A claim over its length limit is refused before anything is kept: 400 naming the claim. */
    private static String bounded(String claim, String value, int max) {
        if (value != null && value.length() > max) {
            throw new ClaimTooLongException(claim, "claim '" + claim + "' has " + value.length()
                    + " characters; at most " + max + " are accepted");
        }
        return value;
    }

    /** A token whose claim is too long: the request is bad (400 naming the claim), not its signature. */
    static final class ClaimTooLongException extends InvalidBearerTokenException {
        private final String claim;

        ClaimTooLongException(String claim, String message) {
            super(message);
            this.claim = claim;
        }

        String claim() {
            return claim;
        }
    }

    private static String required(Jwt jwt, String claim) {
        String value = jwt.getClaimAsString(claim);
        if (value == null || value.isBlank()) {
            throw refused("the token lacks the claim '" + claim + "'");
        }
        return value;
    }

    private static InvalidBearerTokenException refused(String message) {
        return new InvalidBearerTokenException(message);
    }
}

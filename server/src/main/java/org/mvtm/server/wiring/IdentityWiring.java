package org.mvtm.server.wiring;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.admin.api.SecondFactorRecords;
import org.mvtm.core.Region;
import org.mvtm.server.config.ContactProperties;
import org.mvtm.server.config.IdentityProperties;
import org.mvtm.server.config.InvalidConfigurationException;
import org.mvtm.web.api.CustomerTokenSettings;
import org.mvtm.web.api.SecondFactorSettings;
import org.mvtm.web.api.StaffOidcSettings;
import org.mvtm.web.api.WebRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code contact.identity.*} handed to the web tier: which customer tokens the chat accepts (the bank's provider,
 * or demo mode's built-in issuer when none is configured), the staff OpenID Connect provider, if any, and whether
 * local admins and compliance officers confirm their password with a TOTP code (the secrets are kept in the system of
 * record, so they survive restarts and every node shares them).
 */
@Configuration(proxyBeanMethods = false)
class IdentityWiring {

    @Bean
    CustomerTokenSettings customerTokenSettings(ContactProperties props) {
        IdentityProperties.Customer c = props.identity().customer();
        try {
            return new CustomerTokenSettings(c.issuer(), c.audience(), c.jwksUrl(), c.publicKey(), c.clockSkew(),
                    new CustomerTokenSettings.Claims(c.idClaim(), c.nameClaim(), c.languageClaim(), c.regionClaim(),
                            c.tierClaim()),
                    props.demo().enabled());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("contact.identity.customer", e.getMessage());
        }
    }

    @Bean
    StaffOidcSettings staffOidcSettings(ContactProperties props) {
        IdentityProperties.Oidc o = props.identity().oidc();
        Map<String, WebRole> mapping = new LinkedHashMap<>();
        o.roleMapping().forEach((group, role) -> {
            try {
                mapping.put(group, WebRole.valueOf(role.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationException("contact.identity.oidc.role-mapping[" + group + "]",
                        "must be one of AGENT, SUPERVISOR, COMPLIANCE, ADMIN but was '" + role + "'");
            }
        });
        try {
            return new StaffOidcSettings(o.issuerUri(), o.clientId(), o.clientSecret(), o.displayName(),
                    o.usernameClaim(), o.rolesClaim(), mapping, o.regionsClaim(),
                    o.defaultRegions().stream().map(Region::of).collect(Collectors.toSet()), o.agentIdClaim());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("contact.identity.oidc", e.getMessage());
        }
    }

    /** The TOTP secrets of local accounts, in the system of record (shared by every node, kept over restarts). */
    @Bean
    SecondFactorRecords secondFactorRecords(AdministrationService admin) {
        return admin.secondFactors();
    }

    @Bean
    SecondFactorSettings secondFactorSettings(ContactProperties props) {
        IdentityProperties.SecondFactor f = props.identity().secondFactor();
        boolean required = f.required() == null ? !props.demo().enabled() : f.required();
        return new SecondFactorSettings(required, f.issuer());
    }
}

package org.mvtm.web.identity;

import java.io.Serial;
import org.mvtm.web.security.WebPrincipal;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/** A customer signed in by a verified bank-issued token; the principal is the customer as the web tier knows it. */
final class CustomerTokenAuthentication extends AbstractAuthenticationToken {
    @Serial
    private static final long serialVersionUID = 1L;
    private final WebPrincipal customer;
    private final transient Jwt token;

    CustomerTokenAuthentication(WebPrincipal customer, Jwt token) {
        super(customer.getAuthorities());
        this.customer = customer;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return customer;
    }

    @Override
    public String getName() {
        return customer.getUsername();
    }
}

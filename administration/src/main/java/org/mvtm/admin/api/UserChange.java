package org.mvtm.admin.api;

import java.util.Set;

/**
 * What an administrator writes about a user. {@code password} is only read when creating (null: no local password,
 * sign-in through the bank's identity provider); change it later with {@link AdministrationService#resetPassword}.
 */
public record UserChange(
        String username,
        String displayName,
        Set<Role> roles,
        Set<String> regions,
        String language,
        Boolean enabled,
        String password,
        String customerTier) {}

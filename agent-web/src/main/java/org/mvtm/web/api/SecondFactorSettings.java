package org.mvtm.web.api;

/**
 * Whether local accounts with the ADMIN or COMPLIANCE role confirm their password with a TOTP code (users signed in
 * through the bank's OpenID Connect provider are left to the provider's own second factor). Without this bean the
 * web tier does not ask.
 *
 * @param required ask admins and compliance officers for a code after their password
 * @param issuer   the name authenticator apps show next to the account
 */
public record SecondFactorSettings(boolean required, String issuer) {
    public SecondFactorSettings {
        issuer = SettingText.orDefault(issuer, "mVTM");
    }

    public static SecondFactorSettings off() {
        return new SecondFactorSettings(false, "mVTM");
    }
}

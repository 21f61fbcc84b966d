package org.mvtm.admin.api;

/**
 * @param database  where the records live
 * @param sipRealm  the SIP digest realm (the edge's domain) in which advisors' phone passwords are hashed
 * @param passwords the policy every local password is checked against (the standard one unless demo mode lets its
 *                  published seed password through)
 */
public record AdministrationSettings(DatabaseSettings database, String sipRealm, PasswordPolicy passwords) {
    public AdministrationSettings {
        passwords = passwords == null ? PasswordPolicy.standard() : passwords;
    }

    public AdministrationSettings(DatabaseSettings database, String sipRealm) {
        this(database, sipRealm, null);
    }
}

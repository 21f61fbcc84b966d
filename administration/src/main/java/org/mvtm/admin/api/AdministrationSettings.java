package org.mvtm.admin.api;

/**
 * @param database  where the records live
 * @param sipRealm  the SIP digest realm (the edge's domain) in which advisors' phone passwords are hashed
 */
public record AdministrationSettings(DatabaseSettings database, String sipRealm) {
}

package org.mvtm.admin.api;

import java.util.List;
import java.util.Optional;

/**
 * The system of record. Every change is validated first (an {@link InvalidChange} lists each bad field and nothing
 * is written), runs in one transaction together with its audit entry, and is announced after commit as
 * {@code AdministrationChanged} on the event bus. {@code actor} is the username of whoever made the change.
 * Thread-safe.
 */
public interface AdministrationService extends AutoCloseable {

    /**
     * Skills, queues, VIP tiers, advisors, users and their password hashes, all read in one snapshot of the database
     * (what each node loads at start and reloads after every change).
     */
    AdministrationSnapshot snapshot();

    // ---- users ----
    List<User> users();

    Optional<User> user(String username);

    User createUser(String actor, UserChange user);

    /** Replaces display name, roles, regions, language, enabled and tier; the password is not touched. */
    User updateUser(String actor, String username, UserChange user);

    void deleteUser(String actor, String username);

    /** Sets a new local password (checked against the password policy). */
    void resetPassword(String actor, String username, String newPassword);

    /** The stored password hash ({@code {bcrypt}...}) of an enabled user, for the web tier's sign-in. */
    Optional<String> passwordHash(String username);

    // ---- advisors ----
    List<AdvisorProfile> advisors();

    Optional<AdvisorProfile> advisor(String username);

    /** Writes the profile of a user who holds the ADVISOR role. */
    AdvisorProfile updateAdvisor(String actor, String username, AdvisorChange profile);

    /**
     * Sets the SIP phone password of an advisor (desk phone) or customer (SIP identity), stored as the digest HA1 of
     * the SIP realm, never in clear; it must differ from their web password. Other staff cannot have one. Null removes
     * the SIP credentials: the phone can no longer register or call.
     */
    void setSipPassword(String actor, String username, String sipPassword);

    /** The digest HA1 of an enabled advisor's or customer's SIP credentials in {@code realm}; empty if none. */
    Optional<String> sipHa1(String username, String realm);

    // ---- skills ----
    List<Skill> skills();

    Skill defineSkill(String actor, Skill skill);

    // ---- queues, with their wrap-up and break codes ----
    List<Queue> queues();

    Optional<Queue> queue(String id);

    Queue createQueue(String actor, Queue queue);

    Queue updateQueue(String actor, String id, Queue queue);

    void deleteQueue(String actor, String id);

    // ---- VIP tiers ----
    List<VipTier> vipTiers();

    VipTier saveVipTier(String actor, VipTier tier);

    // ---- audit ----
    /** The newest {@code limit} changes first, optionally of one entity type ({@code user}, {@code queue}...). */
    List<AuditEntry> audit(Optional<String> entity, int limit);

    /**
     * Records an action a person took outside the administration module (a supervisor forcing an advisor Not ready,
     * moving a waiting customer) in the same audit log: {@code detail} is kept as the entry's "after" JSON.
     */
    void auditAction(String actor, String action, String entity, String entityId, Object detail);

    // ---- records kept for the web tier and compliance (no audit entry, no announcement) ----
    /** Local accounts' TOTP secrets. */
    SecondFactorRecords secondFactors();

    /** Wrap-up codes and notes, with their interaction. */
    DispositionRecords dispositions();

    /** The FAQ knowledge base's published versions and drafts. */
    KnowledgeBaseRecords knowledgeBase();

    /** Advisors' published availability and customers' booked video appointments. */
    AppointmentRecords appointments();

    // ---- first start ----
    /** True while no user exists (a new bank's empty database). */
    boolean empty();

    /**
     * Creates the first administrator on an empty database with a one-time token printed at first start (see
     * {@link #issueBootstrapToken()}); the token is then spent. Refused once any user exists.
     */
    User bootstrapAdmin(String token, UserChange admin);

    /**
     * A one-time token for {@link #bootstrapAdmin} ({@code chosen}, or a random one when null; only its hash is
     * stored, replacing any earlier token); empty if users exist already.
     */
    Optional<String> issueBootstrapToken(String chosen);

    @Override
    void close();
}

package org.mvtm.admin.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.admin.api.AdministrationSettings;
import org.mvtm.admin.api.AdministrationSnapshot;
import org.mvtm.admin.api.AdvisorChange;
import org.mvtm.admin.api.AdvisorProfile;
import org.mvtm.admin.api.AppointmentRecords;
import org.mvtm.admin.api.AuditEntry;
import org.mvtm.admin.api.Databases;
import org.mvtm.admin.api.DispositionRecords;
import org.mvtm.admin.api.KnowledgeBaseRecords;
import org.mvtm.admin.api.PasswordPolicy;
import org.mvtm.admin.api.Queue;
import org.mvtm.admin.api.SecondFactorRecords;
import org.mvtm.admin.api.Skill;
import org.mvtm.admin.api.User;
import org.mvtm.admin.api.UserChange;
import org.mvtm.admin.api.VipTier;
import org.mvtm.admin.internal.appointments.JdbcAppointments;
import org.mvtm.core.event.AdministrationChanged;
import org.mvtm.core.event.EventBus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The system of record on JDBC (H2 or PostgreSQL, one Flyway schema). Each change: validate (collecting every bad
 * field), write the rows and the audit entry in one transaction, then publish {@link AdministrationChanged}
 * ({@link Changes}). Changes are made by {@link UserAccounts}, {@link AdvisorProfiles}, {@link CatalogChanges} and
 * {@link QueueChanges}; reads that span several tables see one snapshot of the database ({@link Snapshots}).
 */
public final class JdbcAdministration implements AdministrationService {
    private final HikariDataSource dataSource;
    private final Clock clock;
    private final UserRepository users;
    private final AdvisorRepository advisors;
    private final QueueRepository queues;
    private final CatalogRepository catalog;
    private final AuditLog audit;
    private final UserAccounts accounts;
    private final AdvisorProfiles advisorProfiles;
    private final CatalogChanges catalogChanges;
    private final QueueChanges queueChanges;
    private final JdbcSecondFactors secondFactors;
    private final JdbcDispositions dispositions;
    private final JdbcKnowledgeBase knowledgeBase;
    private final JdbcAppointments appointments;
    private final Snapshots snapshots;

    private JdbcAdministration(
            HikariDataSource dataSource,
            boolean postgres,
            Clock clock,
            EventBus bus,
            String sipRealm,
            PasswordPolicy policy) {
        this.dataSource = dataSource;
        JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        this.snapshots = new Snapshots(transactions, postgres);
        this.clock = clock;
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        this.users = new UserRepository(jdbc);
        this.advisors = new AdvisorRepository(jdbc);
        this.queues = new QueueRepository(jdbc);
        this.catalog = new CatalogRepository(jdbc);
        this.audit = new AuditLog(jdbc, JsonMapper.builder().build());
        Changes changes = new Changes(tx, clock, bus, audit);
        this.accounts = new UserAccounts(
                users,
                advisors,
                catalog,
                changes,
                clock,
                sipRealm,
                policy,
                PasswordEncoderFactories.createDelegatingPasswordEncoder());
        this.advisorProfiles = new AdvisorProfiles(users, advisors, catalog, changes);
        this.catalogChanges = new CatalogChanges(catalog, changes);
        this.queueChanges = new QueueChanges(queues, catalog, changes);
        this.secondFactors = new JdbcSecondFactors(jdbc, clock);
        this.dispositions = new JdbcDispositions(jdbc);
        this.knowledgeBase = new JdbcKnowledgeBase(jdbc, tx);
        this.appointments = new JdbcAppointments(jdbc, clock);
    }

    @Override
    public AppointmentRecords appointments() {
        return appointments;
    }

    @Override
    public KnowledgeBaseRecords knowledgeBase() {
        return knowledgeBase;
    }

    @Override
    public SecondFactorRecords secondFactors() {
        return secondFactors;
    }

    @Override
    public DispositionRecords dispositions() {
        return dispositions;
    }

    /** Connects, migrates the schema to the newest version and returns the service. */
    public static JdbcAdministration open(AdministrationSettings settings, Clock clock, EventBus bus) {
        HikariDataSource ds = Databases.openMigrated(
                settings.database(), "mvtm-admin", 5, flyway -> flyway.locations("classpath:db/migration"));
        return new JdbcAdministration(
                ds, settings.database().postgres(), clock, bus, settings.sipRealm(), settings.passwords());
    }

    @Override
    public AdministrationSnapshot snapshot() {
        return snapshots.read(() -> new AdministrationSnapshot(
                catalog.skills(), queues.all(), catalog.tiers(), advisors.all(), users.all(), users.passwordHashes()));
    }

    // ---------------------------------------------------------------- users

    @Override
    public List<User> users() {
        return snapshots.read(users::all);
    }

    @Override
    public Optional<User> user(String username) {
        return snapshots.read(() -> users.find(UserRules.username(username)));
    }

    @Override
    public User createUser(String actor, UserChange c) {
        return accounts.create(actor, c);
    }

    @Override
    public User updateUser(String actor, String username, UserChange c) {
        return accounts.update(actor, username, c);
    }

    @Override
    public void deleteUser(String actor, String username) {
        accounts.delete(actor, username);
    }

    @Override
    public void resetPassword(String actor, String username, String newPassword) {
        accounts.resetPassword(actor, username, newPassword);
    }

    @Override
    public Optional<String> passwordHash(String username) {
        return users.passwordHash(UserRules.username(username));
    }

    // ---------------------------------------------------------------- advisors

    @Override
    public List<AdvisorProfile> advisors() {
        return snapshots.read(advisors::all);
    }

    @Override
    public Optional<AdvisorProfile> advisor(String username) {
        return snapshots.read(() -> advisors.find(UserRules.username(username)));
    }

    @Override
    public AdvisorProfile updateAdvisor(String actor, String username, AdvisorChange c) {
        return advisorProfiles.update(actor, username, c);
    }

    @Override
    public void setSipPassword(String actor, String username, String sipPassword) {
        accounts.setSipPassword(actor, username, sipPassword);
    }

    @Override
    public Optional<String> sipHa1(String username, String realm) {
        return users.sipHa1(UserRules.username(username), realm);
    }

    // ---------------------------------------------------------------- skills and tiers

    @Override
    public List<Skill> skills() {
        return catalog.skills();
    }

    @Override
    public Skill defineSkill(String actor, Skill s) {
        return catalogChanges.defineSkill(actor, s);
    }

    @Override
    public List<VipTier> vipTiers() {
        return catalog.tiers();
    }

    @Override
    public VipTier saveVipTier(String actor, VipTier t) {
        return catalogChanges.saveVipTier(actor, t);
    }

    // ---------------------------------------------------------------- queues

    @Override
    public List<Queue> queues() {
        return snapshots.read(queues::all);
    }

    @Override
    public Optional<Queue> queue(String id) {
        return snapshots.read(() -> queues.find(id));
    }

    @Override
    public Queue createQueue(String actor, Queue q) {
        return queueChanges.create(actor, q);
    }

    @Override
    public Queue updateQueue(String actor, String id, Queue q) {
        return queueChanges.update(actor, id, q);
    }

    @Override
    public void deleteQueue(String actor, String id) {
        queueChanges.delete(actor, id);
    }

    // ---------------------------------------------------------------- audit and first start

    @Override
    public List<AuditEntry> audit(Optional<String> entity, int limit) {
        return audit.newest(entity, Math.max(1, Math.min(limit, 1000)));
    }

    @Override
    public void auditAction(String actor, String action, String entity, String entityId, Object detail) {
        audit.record(clock.instant(), actor, action, entity, entityId, null, detail);
    }

    @Override
    public boolean empty() {
        return users.count() == 0;
    }

    @Override
    public Optional<String> issueBootstrapToken(String chosen) {
        return accounts.issueBootstrapToken(chosen);
    }

    @Override
    public User bootstrapAdmin(String token, UserChange admin) {
        return accounts.bootstrapAdmin(token, admin);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}

package org.mvtm.admin.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.admin.api.AdministrationSettings;
import org.mvtm.admin.api.AdvisorChange;
import org.mvtm.admin.api.AdvisorProfile;
import org.mvtm.admin.api.AppointmentRecords;
import org.mvtm.admin.api.AuditEntry;
import org.mvtm.admin.api.DispositionRecords;
import org.mvtm.admin.api.FieldError;
import org.mvtm.admin.api.InvalidChange;
import org.mvtm.admin.api.KnowledgeBaseRecords;
import org.mvtm.admin.api.NotFound;
import org.mvtm.admin.api.PasswordPolicy;
import org.mvtm.admin.api.Queue;
import org.mvtm.admin.api.Role;
import org.mvtm.admin.api.SecondFactorRecords;
import org.mvtm.admin.api.Skill;
import org.mvtm.admin.api.User;
import org.mvtm.admin.api.UserChange;
import org.mvtm.admin.api.VipTier;
import org.mvtm.admin.internal.appointments.JdbcAppointments;
import org.mvtm.core.event.AdministrationChanged;
import org.mvtm.core.event.EventBus;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The system of record on JDBC (H2 or PostgreSQL, one Flyway schema). Each change: validate (collecting every bad
 * field), write the rows and the audit entry in one transaction, then publish {@link AdministrationChanged}.
 */
public final class JdbcAdministration implements AdministrationService {
    private static final String SIP_DIFFERS = "must differ from the web password (svcrack must not find web logins)";

    private final HikariDataSource dataSource;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final EventBus bus;
    private final String sipRealm;
    private final PasswordPolicy policy;
    private final UserRepository users;
    private final AdvisorRepository advisors;
    private final QueueRepository queues;
    private final CatalogRepository catalog;
    private final AuditLog audit;
    private final JdbcSecondFactors secondFactors;
    private final JdbcDispositions dispositions;
    private final JdbcKnowledgeBase knowledgeBase;
    private final JdbcAppointments appointments;
    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final SecureRandom random = new SecureRandom();

    private JdbcAdministration(HikariDataSource dataSource, Clock clock, EventBus bus, String sipRealm,
                               PasswordPolicy policy) {
        this.dataSource = dataSource;
        this.tx = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        this.clock = clock;
        this.bus = bus;
        this.sipRealm = sipRealm;
        this.policy = policy;
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        this.users = new UserRepository(jdbc);
        this.advisors = new AdvisorRepository(jdbc);
        this.queues = new QueueRepository(jdbc);
        this.catalog = new CatalogRepository(jdbc);
        this.audit = new AuditLog(jdbc, JsonMapper.builder().build());
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
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.database().url());
        config.setUsername(settings.database().user());
        config.setPassword(settings.database().password());
        config.setMaximumPoolSize(5);
        config.setPoolName("mvtm-admin");
        HikariDataSource ds = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new JdbcAdministration(ds, clock, bus, settings.sipRealm(), settings.passwords());
    }

    // ---------------------------------------------------------------- users

    @Override
    public List<User> users() {
        return users.all();
    }

    @Override
    public Optional<User> user(String username) {
        return users.find(UserRules.username(username));
    }

    @Override
    public User createUser(String actor, UserChange c) {
        User created = change(actor, "user", UserRules.username(c.username()), () -> insertUser(actor, c, Set.of()));
        return created;
    }

    private User insertUser(String actor, UserChange c, Set<Role> extraRoles) {
        Errors e = new Errors();
        String username = UserRules.username(c.username());
        UserRules.checkUsername(e, username);
        if (!e.has("username") && users.exists(username)) {
            e.add("username", "user '" + username + "' exists already");
        }
        Set<Role> roles = c.roles() == null ? extraRoles : UserRules.union(c.roles(), extraRoles);
        roles = UserRules.roles(e, roles);
        Set<String> regions = UserRules.regions(e, c.regions());
        String language = UserRules.language(e, c.language());
        String name = UserRules.displayName(e, c.displayName(), username);
        String tier = UserRules.tier(e, roles, c.customerTier(), catalog.tiers());
        if (c.password() != null) {
            policy.violations(username, c.password()).forEach(m -> e.add("password", m));
        }
        e.throwIfAny();
        Instant now = clock.instant();
        User u = new User(username, name, roles, regions, language, c.enabled() == null || c.enabled(),
                c.password() != null, tier, now, now, false);
        users.insert(u, c.password() == null ? null : passwords.encode(c.password()));
        if (roles.contains(Role.ADVISOR)) {
            advisors.insert(username, regions.iterator().next(), 1, 1, 3);
        }
        audit.record(now, actor, "create", "user", username, null, u);
        return u;
    }

    @Override
    public User updateUser(String actor, String username, UserChange c) {
        String name = UserRules.username(username);
        return change(actor, "user", name, () -> {
            User before = users.find(name).orElseThrow(() -> new NotFound("user", name));
            Errors e = new Errors();
            Set<Role> roles = UserRules.roles(e, c.roles() == null ? before.roles() : c.roles());
            Set<String> regions = UserRules.regions(e, c.regions() == null ? before.regions() : c.regions());
            String language = UserRules.language(e, c.language() == null ? before.language() : c.language());
            String display = UserRules.displayName(e, c.displayName() == null ? before.displayName() : c.displayName(), name);
            boolean enabled = c.enabled() == null ? before.enabled() : c.enabled();
            String tier = UserRules.tier(e, roles, c.customerTier() == null && roles.contains(Role.CUSTOMER)
                    ? before.customerTier() : c.customerTier(), catalog.tiers());
            if (before.roles().contains(Role.ADMIN) && before.enabled() && (!roles.contains(Role.ADMIN) || !enabled)
                    && users.countEnabledWithRole(Role.ADMIN, name) == 0) {
                e.add(roles.contains(Role.ADMIN) ? "enabled" : "roles", "the last enabled administrator must stay one");
            }
            e.throwIfAny();
            User after = new User(name, display, roles, regions, language, enabled, before.hasPassword(), tier,
                    before.createdAt(), clock.instant(), before.sipPhone());
            users.update(after);
            if (roles.contains(Role.ADVISOR)) {
                if (!advisors.stored(name)) {
                    advisors.insert(name, regions.iterator().next(), 1, 1, 3);
                } else {
                    advisors.find(name).filter(a -> !regions.contains(a.region()))
                            .ifPresent(a -> advisors.setRegion(name, regions.iterator().next()));
                }
            }
            audit.record(after.updatedAt(), actor, "update", "user", name, before, after);
            return after;
        });
    }

    @Override
    public void deleteUser(String actor, String username) {
        String name = UserRules.username(username);
        change(actor, "user", name, () -> {
            User before = users.find(name).orElseThrow(() -> new NotFound("user", name));
            if (name.equals(actor)) {
                throw InvalidChange.of("username", "you cannot delete your own account");
            }
            if (before.roles().contains(Role.ADMIN) && users.countEnabledWithRole(Role.ADMIN, name) == 0) {
                throw InvalidChange.of("username", "the last enabled administrator cannot be deleted");
            }
            users.delete(name);
            audit.record(clock.instant(), actor, "delete", "user", name, before, null);
            return null;
        });
    }

    @Override
    public void resetPassword(String actor, String username, String newPassword) {
        String name = UserRules.username(username);
        change(actor, "user", name, () -> {
            User before = users.find(name).orElseThrow(() -> new NotFound("user", name));
            List<String> weak = policy.violations(name, newPassword);
            if (!weak.isEmpty()) {
                throw new InvalidChange(weak.stream().map(m -> new FieldError("password", m)).toList());
            }
            if (users.sipHa1(name, sipRealm).filter(h -> h.equals(SipDigest.ha1(name, sipRealm, newPassword))).isPresent()) {
                throw InvalidChange.of("password", "must differ from the SIP phone password");
            }
            Instant now = clock.instant();
            users.setPasswordHash(name, passwords.encode(newPassword), now);
            audit.record(now, actor, "password", "user", name, null, Map.of("username", name, "passwordReset", true,
                    "hadPassword", before.hasPassword()));
            return null;
        });
    }

    @Override
    public Optional<String> passwordHash(String username) {
        return users.passwordHash(UserRules.username(username));
    }

    // ---------------------------------------------------------------- advisors

    @Override
    public List<AdvisorProfile> advisors() {
        return advisors.all();
    }

    @Override
    public Optional<AdvisorProfile> advisor(String username) {
        return advisors.find(UserRules.username(username));
    }

    @Override
    public AdvisorProfile updateAdvisor(String actor, String username, AdvisorChange c) {
        String name = UserRules.username(username);
        return change(actor, "advisor", name, () -> {
            User user = users.find(name).orElseThrow(() -> new NotFound("user", name));
            if (!user.roles().contains(Role.ADVISOR)) {
                throw InvalidChange.of("username", "user '" + name + "' does not hold the ADVISOR role");
            }
            AdvisorProfile before = advisors.find(name).orElseThrow(() -> new NotFound("advisor", name));
            Errors e = new Errors();
            String region = c.region() == null ? before.region() : c.region().strip().toUpperCase(java.util.Locale.ROOT);
            if (!user.regions().contains(region)) {
                e.add("region", "must be one of the user's regions " + user.regions() + " but was '" + c.region() + "'");
            }
            var skills = c.skills() == null ? before.skills() : c.skills();
            SkillChecks.levels(e, "skills", skills, catalogue());
            int voice = capacity(e, "voiceCapacity", c.voiceCapacity(), before.voiceCapacity());
            int video = capacity(e, "videoCapacity", c.videoCapacity(), before.videoCapacity());
            int chat = capacity(e, "chatCapacity", c.chatCapacity(), before.chatCapacity());
            e.throwIfAny();
            advisors.update(name, region, skills, voice, video, chat);
            AdvisorProfile after = advisors.find(name).orElseThrow();
            audit.record(clock.instant(), actor, "update", "advisor", name, before, after);
            return after;
        });
    }

    private static int capacity(Errors e, String field, Integer value, int keep) {
        int v = value == null ? keep : value;
        if (v < 0 || v > 20) {
            e.add(field, "must be 0 to 20 but was " + v);
        }
        return v;
    }

    @Override
    public void setSipPassword(String actor, String username, String sipPassword) {
        String name = UserRules.username(username);
        change(actor, "user", name, () -> {
            User before = users.find(name).orElseThrow(() -> new NotFound("user", name));
            if (sipPassword != null && !before.roles().contains(Role.ADVISOR) && !before.roles().contains(Role.CUSTOMER)) {
                throw InvalidChange.of("sipPassword", "only advisors (desk phones) and customers have SIP credentials");
            }
            if (sipPassword == null) {
                users.setSip(name, null, null);
            } else {
                if (sipPassword.length() < 10 || sipPassword.length() > 128 || sipPassword.chars().noneMatch(Character::isLetter)
                        || sipPassword.chars().noneMatch(Character::isDigit)) {
                    throw InvalidChange.of("sipPassword", "must have 10 to 128 characters with a letter and a digit");
                }
                if (users.passwordHash(name).filter(h -> passwords.matches(sipPassword, h)).isPresent()) {
                    throw InvalidChange.of("sipPassword", SIP_DIFFERS);
                }
                users.setSip(name, sipRealm, SipDigest.ha1(name, sipRealm, sipPassword));
            }
            audit.record(clock.instant(), actor, sipPassword == null ? "sip-remove" : "sip-set", "user", name,
                    Map.of("username", name, "sipPhone", before.sipPhone()), Map.of("username", name, "sipPhone", sipPassword != null));
            return null;
        });
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

    private Map<String, Skill> catalogue() {
        return catalog.skills().stream().collect(Collectors.toMap(Skill::name, s -> s));
    }

    @Override
    public Skill defineSkill(String actor, Skill s) {
        return change(actor, "skill", s.name(), () -> {
            Optional<Skill> before = catalog.skill(s.name() == null ? "" : s.name().strip());
            Skill after = CatalogRules.skill(s, before);
            if (before.isPresent()) {
                catalog.updateSkillLabel(after);
            } else {
                catalog.insertSkill(after);
            }
            audit.record(clock.instant(), actor, before.isPresent() ? "update" : "create", "skill", after.name(),
                    before.orElse(null), after);
            return after;
        });
    }

    @Override
    public List<VipTier> vipTiers() {
        return catalog.tiers();
    }

    @Override
    public VipTier saveVipTier(String actor, VipTier t) {
        return change(actor, "vip-tier", t.code(), () -> {
            Optional<VipTier> before = t.code() == null ? Optional.empty() : catalog.tier(t.code());
            VipTier after = CatalogRules.tier(t, before, catalog.tiers());
            catalog.upsertTier(after, before.isPresent());
            audit.record(clock.instant(), actor, before.isPresent() ? "update" : "create", "vip-tier", t.code(), before.orElse(null), after);
            return after;
        });
    }

    // ---------------------------------------------------------------- queues

    @Override
    public List<Queue> queues() {
        return queues.all();
    }

    @Override
    public Optional<Queue> queue(String id) {
        return queues.find(id);
    }

    @Override
    public Queue createQueue(String actor, Queue q) {
        return change(actor, "queue", q.id(), () -> {
            Queue checked = QueueRules.check(q, catalogue());
            if (queues.find(checked.id()).isPresent()) {
                throw InvalidChange.of("id", "queue '" + checked.id() + "' exists already");
            }
            queues.insert(checked);
            audit.record(clock.instant(), actor, "create", "queue", checked.id(), null, checked);
            return checked;
        });
    }

    @Override
    public Queue updateQueue(String actor, String id, Queue q) {
        return change(actor, "queue", id, () -> {
            Queue before = queues.find(id).orElseThrow(() -> new NotFound("queue", id));
            if (q.id() != null && !q.id().equals(id)) {
                throw InvalidChange.of("id", "a queue keeps its id; create a new queue instead of renaming '" + id + "'");
            }
            Queue checked = QueueRules.check(withId(q, id), catalogue());
            queues.update(checked);
            audit.record(clock.instant(), actor, "update", "queue", id, before, checked);
            return checked;
        });
    }

    @Override
    public void deleteQueue(String actor, String id) {
        change(actor, "queue", id, () -> {
            Queue before = queues.find(id).orElseThrow(() -> new NotFound("queue", id));
            queues.delete(id);
            audit.record(clock.instant(), actor, "delete", "queue", id, before, null);
            return null;
        });
    }

    private static Queue withId(Queue q, String id) {
        return new Queue(id, q.names(), q.product(), q.productMinLevel(), q.skills(), q.languageMinLevel(), q.slaFraction(),
                q.slaSeconds(), q.agingTierWeight(), q.agingWeight(), q.relaxation(), q.timeZone(), q.openingHours(),
                q.holidays(), q.outsideHours(), q.wrapUpCodes(), q.breakCodes(), q.wrapUpRequired());
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
        return tx.execute(status -> {
            if (users.count() > 0) {
                return Optional.<String>empty();
            }
            String token = chosen;
            if (token == null || token.isBlank()) {
                byte[] bytes = new byte[24];
                random.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            }
            users.replaceBootstrapToken(passwords.encode(token), clock.instant());
            return Optional.of(token);
        });
    }

    @Override
    public User bootstrapAdmin(String token, UserChange admin) {
        return change("bootstrap", "user", UserRules.username(admin.username()), () -> {
            if (users.count() > 0) {
                throw InvalidChange.of("token", "the system has users already: sign in as an administrator");
            }
            List<String> hashes = users.bootstrapTokenHashes();
            if (token == null || hashes.isEmpty() || !passwords.matches(token, hashes.getFirst())) {
                throw InvalidChange.of("token", "wrong or spent bootstrap token (see the server's first start log)");
            }
            if (admin.password() == null) {
                throw InvalidChange.of("password", "the first administrator needs a password");
            }
            User u = insertUser("bootstrap", admin, Set.of(Role.ADMIN));
            users.replaceBootstrapToken(null, null);
            return u;
        });
    }

    // ---------------------------------------------------------------- plumbing

    /** Runs {@code work} in one transaction, then announces the change; a duplicate key is the caller's error. */
    private <T> T change(String actor, String entity, String id, Supplier<T> work) {
        T result;
        try {
            result = tx.execute(status -> work.get());
        } catch (DuplicateKeyException e) {
            throw InvalidChange.of(entity.equals("queue") ? "id" : entity.equals("user") ? "username" : "code",
                    entity + " '" + id + "' exists already");
        }
        bus.publish(new AdministrationChanged(clock.instant(), entity, id == null ? "" : id, actor));
        return result;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}

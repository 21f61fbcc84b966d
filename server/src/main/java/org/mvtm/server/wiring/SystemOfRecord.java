package org.mvtm.server.wiring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.admin.api.AdministrationSnapshot;
import org.mvtm.admin.api.AdvisorProfile;
import org.mvtm.admin.api.Queue;
import org.mvtm.admin.api.Role;
import org.mvtm.admin.api.SkillLevel;
import org.mvtm.admin.api.User;
import org.mvtm.admin.api.VipTier;
import org.mvtm.core.Advisor;
import org.mvtm.core.Channel;
import org.mvtm.core.CustomerTier;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.Skill;
import org.mvtm.core.SkillRequirement;
import org.mvtm.core.event.AdministrationChanged;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.QueueId;
import org.mvtm.routing.api.AgingRule;
import org.mvtm.routing.api.QueueConfig;
import org.mvtm.routing.api.RelaxationStep;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.routing.api.ServiceLevelTarget;
import org.mvtm.routing.api.TierWeights;
import org.mvtm.server.SerialWorker;
import org.mvtm.web.api.WebRole;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.api.WebUserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what this node derives from the system of record in step with it: the routing engine's skills, queues and
 * advisor profiles (a deleted queue is withdrawn: it takes no new customers), the VIP tiers' routing weights and the
 * web tier's sign-in users. Loads at start, then again after every
 * {@link AdministrationChanged} (from this node or, relayed through Redis, from another), on one background thread:
 * several changes in a burst make one reload, and the bus thread never waits for the database.
 */
public final class SystemOfRecord implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SystemOfRecord.class);
    /** Never matches a password: users who sign in only through the bank's identity provider. */
    static final String NO_LOCAL_PASSWORD = "{bcrypt}no-local-password";

    private final AdministrationService admin;
    private final RoutingEngine routing;
    private final WebUserDirectory users;
    private final SerialWorker reloader = new SerialWorker("system-of-record");
    private final AtomicBoolean pending = new AtomicBoolean();
    private final EventBus.Subscription subscription;

    public SystemOfRecord(AdministrationService admin, RoutingEngine routing, WebUserDirectory users, EventBus bus) {
        this.admin = admin;
        this.routing = routing;
        this.users = users;
        apply();
        this.subscription = bus.subscribe(AdministrationChanged.class, e -> reloadSoon());
    }

    private void reloadSoon() {
        if (pending.compareAndSet(false, true)) {
            reloader.execute(() -> {
                pending.set(false);
                try {
                    apply();
                } catch (RuntimeException e) {
                    log.warn("could not reload the system of record: {}", e.getMessage(), e);
                }
            });
        }
    }

    /**
     * Loads everything in one snapshot of the database and hands it to routing and the web tier: a user created or
     * changed meanwhile is in it with every role saved with them, or not yet.
     */
    public synchronized void apply() {
        AdministrationSnapshot record = admin.snapshot();
        routing.addSkills(record.skills().stream().map(skill -> skill.name()).toList());
        List<Queue> queues = record.queues();
        Set<String> defined = queues.stream().map(Queue::id).collect(Collectors.toSet());
        for (Queue q : queues) {
            try {
                routing.defineQueue(queueConfig(q));
            } catch (IllegalArgumentException e) {
                log.warn("queue {} not given to routing: {}", q.id(), e.getMessage());
            }
        }
        for (var q : routing.queues()) {
            if (!defined.contains(q.id().value())) {
                routing.withdrawQueue(q.id());
                log.info("queue {} removed by an administrator: it takes no new customers", q.id());
            }
        }
        List<VipTier> tiers = record.vipTiers();
        routing.weighTiers(tierWeights(tiers));
        Set<AgentId> known = routing.advisors().stream().map(Advisor::id).collect(Collectors.toSet());
        for (AdvisorProfile a : record.advisors()) {
            Advisor advisor = advisor(a);
            try {
                if (known.contains(advisor.id())) {
                    routing.updateAdvisor(advisor);
                } else {
                    try {
                        routing.registerAdvisor(advisor);
                    } catch (IllegalArgumentException e) {
                        // another node of the cluster registered the same advisor a moment ago
                        routing.updateAdvisor(advisor);
                    }
                }
            } catch (IllegalArgumentException e) {
                log.warn("advisor {} not given to routing: {}", a.username(), e.getMessage());
            }
        }
        Function<User, CustomerTier> customerTier = customerTiers(tiers);
        List<WebUser> web = new ArrayList<>();
        for (User u : record.users()) {
            if (u.enabled()) {
                webUser(u, customerTier.apply(u), record.passwordHashes()).ifPresent(web::add);
            }
        }
        users.replaceAll(web);
    }

    static QueueConfig queueConfig(Queue q) {
        List<SkillRequirement> required = new ArrayList<>();
        required.add(SkillRequirement.of(q.product(), q.productMinLevel()));
        for (SkillLevel s : q.skills()) {
            required.add(SkillRequirement.of(s.skill(), s.level()));
        }
        List<RelaxationStep> steps = q.relaxation().stream()
                .map(r -> new RelaxationStep(Duration.ofSeconds(r.afterSeconds()), r.levelDrop(), r.languageOnly()))
                .toList();
        return new QueueConfig(QueueId.of(q.id()), q.names().get("en"), required,
                ServiceLevelTarget.of(q.slaFraction(), Duration.ofSeconds(q.slaSeconds())),
                new AgingRule(q.agingTierWeight(), q.agingWeight()), steps, null, Optional.empty(), q.languageMinLevel(), 0);
    }

    static Advisor advisor(AdvisorProfile a) {
        Set<Skill> skills = new HashSet<>();
        a.skills().forEach(s -> skills.add(Skill.of(s.skill(), s.level())));
        Map<Channel, Integer> capacity = new HashMap<>();
        // a disabled advisor keeps their profile but takes nothing
        capacity.put(Channel.VOICE, a.enabled() ? a.voiceCapacity() : 0);
        capacity.put(Channel.VIDEO, a.enabled() ? a.videoCapacity() : 0);
        capacity.put(Channel.CHAT, a.enabled() ? a.chatCapacity() : 0);
        return new Advisor(AgentId.of(a.username()), a.displayName(), Region.of(a.region()), skills, capacity);
    }

    private static Optional<WebUser> webUser(User u, CustomerTier tier, Map<String, String> passwordHashes) {
        Set<WebRole> roles = EnumSet.noneOf(WebRole.class);
        for (Role r : u.roles()) {
            roles.add(switch (r) {
                case ADVISOR -> WebRole.AGENT;
                case SUPERVISOR -> WebRole.SUPERVISOR;
                case COMPLIANCE -> WebRole.COMPLIANCE;
                case ADMIN -> WebRole.ADMIN;
                case CUSTOMER -> WebRole.CUSTOMER;
            });
        }
        Set<Region> regions = u.regions().stream().map(Region::of).collect(Collectors.toSet());
        try {
            String passwordHash = passwordHashes.getOrDefault(u.username(), NO_LOCAL_PASSWORD);
            return Optional.of(new WebUser(u.username(), passwordHash, roles,
                    regions, roles.contains(WebRole.AGENT) ? Optional.of(AgentId.of(u.username())) : Optional.empty(),
                    u.displayName(), language(u.language()), tier));
        } catch (IllegalArgumentException e) {
            log.warn("user {} cannot sign in: {}", u.username(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The routing weight of each customer tier: that of the VIP tier of the same code (STANDARD, PREMIER, VIP), else
     * of the lowest-ranked VIP tier that maps to it.
     */
    static TierWeights tierWeights(List<VipTier> tiers) {
        Map<CustomerTier, Double> weights = new EnumMap<>(CustomerTier.class);
        tiers.stream().sorted(Comparator.comparingInt(VipTier::rank))
                .forEach(t -> weights.putIfAbsent(tier(t.rank()), t.routingWeight()));
        for (VipTier t : tiers) {
            for (CustomerTier c : CustomerTier.values()) {
                if (c.name().equals(t.code())) {
                    weights.put(c, t.routingWeight());
                }
            }
        }
        return TierWeights.of(weights);
    }

    /**
     * The routing tier of each customer: that of the rank of their VIP tier; standard with none or an unknown one. The
     * tiers are looked up by code in a map made once here, not searched again for every user.
     */
    static Function<User, CustomerTier> customerTiers(List<VipTier> tiers) {
        Map<String, CustomerTier> byCode = new HashMap<>();
        tiers.forEach(t -> byCode.putIfAbsent(t.code(), tier(t.rank())));
        return u -> byCode.getOrDefault(u.customerTier(), CustomerTier.STANDARD);
    }

    /** The routing tier of a VIP tier's rank: 0 standard, 1 premier, 2 and above VIP. */
    static CustomerTier tier(int rank) {
        return rank <= 0 ? CustomerTier.STANDARD : rank == 1 ? CustomerTier.PREMIER : CustomerTier.VIP;
    }

    /** UI language to the language a user starts chatting in: zh-Hans Mandarin, zh-Hant Cantonese. */
    static Language language(String uiLanguage) {
        return switch (uiLanguage) {
            case "zh-Hans" -> Language.ZH;
            case "zh-Hant" -> Language.YUE;
            default -> Language.EN;
        };
    }

    @Override
    public void close() {
        subscription.close();
        reloader.close();
    }
}

package org.mvtm.server.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.admin.api.AdvisorChange;
import org.mvtm.admin.api.InvalidChange;
import org.mvtm.admin.api.Queue;
import org.mvtm.admin.api.Role;
import org.mvtm.admin.api.UserChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo contact center as data ({@code demo/seed.json}): queues, advisors with skills and SIP phones, customers
 * and staff, applied through the same {@link AdministrationService} an administrator uses, on an empty database only.
 */
public final class DemoSeed {
    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);
    public static final String ACTOR = "demo-seed";
    /** The password every demo user has, printed in the README; the password policy lets it through in demo mode only. */
    public static final String PUBLISHED_PASSWORD = "demo1234";

    /** One login of the seed file: the user, and for advisors their routing profile. */
    public record SeedUser(String username, String displayName, Set<Role> roles, Set<String> regions, String language,
                           String password, String customerTier, String sipPassword, AdvisorChange advisor) {
    }

    public record Seed(List<Queue> queues, List<SeedUser> users) {
    }

    private DemoSeed() {
    }

    public static Seed read() {
        try (InputStream in = DemoSeed.class.getResourceAsStream("/demo/seed.json")) {
            return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, Seed.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read demo/seed.json", e);
        }
    }

    /**
     * Applies the seed when the database has no users yet; true if it did. Nodes of a cluster starting together on
     * one database may race: the node that finds the seed written by another stops and keeps what is there.
     */
    public static boolean applyIfEmpty(AdministrationService admin) {
        if (!admin.empty()) {
            return false;
        }
        try {
            apply(admin, read());
            return true;
        } catch (InvalidChange e) {
            if (e.errors().stream().anyMatch(err -> err.message().contains("exists already"))) {
                log.info("another node is seeding the demo data ({}); keeping its records", e.getMessage());
                return false;
            }
            throw e;
        }
    }

    private static void apply(AdministrationService admin, Seed seed) {
        seed.queues().forEach(q -> admin.createQueue(ACTOR, q));
        for (SeedUser u : seed.users()) {
            admin.createUser(ACTOR, new UserChange(u.username(), u.displayName(), u.roles(), u.regions(), u.language(),
                    true, u.password(), u.customerTier()));
            if (u.advisor() != null) {
                admin.updateAdvisor(ACTOR, u.username(), u.advisor());
            }
            if (u.sipPassword() != null) {
                admin.setSipPassword(ACTOR, u.username(), u.sipPassword());
            }
        }
        log.info("demo data seeded: {} queues, {} users", seed.queues().size(), seed.users().size());
    }
}

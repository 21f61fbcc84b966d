package org.mvtm.server.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mvtm.core.Advisor;
import org.mvtm.core.Channel;
import org.mvtm.core.CustomerTier;
import org.mvtm.core.Language;
import org.mvtm.core.Product;
import org.mvtm.core.Region;
import org.mvtm.core.Skill;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.QueueId;

/**
 * The demo contact center seeded on first start: advisors with different language and product skills in HK, SZ and
 * MO, four queues, demo customers and staff logins. Every login's password is printed at start-up; none of this is
 * created when {@code contact.demo.enabled=false}.
 */
public final class DemoData {

    /** A demo queue and the product skill it asks for. */
    public record DemoQueue(QueueId id, String name, Product product) {
    }

    /** A demo customer who signs in on the customer page. */
    public record DemoCustomer(String username, String displayName, CustomerTier tier, Language language, Region region) {
    }

    /** A demo login: username, password, role, regions and (for advisors) the advisor id. */
    public record DemoLogin(String username, String password, String role, Set<Region> regions, AgentId agentId,
                            String displayName) {
    }

    public static final String PASSWORD = "demo1234";

    public List<DemoQueue> queues() {
        return List.of(
                new DemoQueue(QueueId.of("general"), "General banking", Product.ACCOUNTS),
                new DemoQueue(QueueId.of("cards"), "Cards", Product.CARDS),
                new DemoQueue(QueueId.of("wealth"), "Wealth management", Product.WEALTH),
                new DemoQueue(QueueId.of("cross-border"), "Cross-border services", Product.CROSS_BORDER));
    }

    public List<Advisor> advisors() {
        return List.of(
                advisor("alice", "Alice Wong 黃愛麗", Region.HK, lang(Language.YUE, 9), lang(Language.EN, 8),
                        product(Product.ACCOUNTS, 7), product(Product.CARDS, 8), product(Product.CROSS_BORDER, 6)),
                advisor("bob", "Bob Chan 陳家明", Region.HK, lang(Language.YUE, 8), lang(Language.ZH, 6),
                        product(Product.WEALTH, 9), product(Product.FX, 7)),
                advisor("carol", "Carol Li 李嘉欣", Region.SZ, lang(Language.ZH, 10), lang(Language.YUE, 5),
                        product(Product.CROSS_BORDER, 9), product(Product.REMITTANCE, 8), product(Product.ACCOUNTS, 6)),
                advisor("david", "David Smith", Region.HK, lang(Language.EN, 10),
                        product(Product.ACCOUNTS, 6), product(Product.LOANS, 8), product(Product.CARDS, 5)),
                advisor("erin", "Erin Zhang 张怡", Region.SZ, lang(Language.ZH, 9), lang(Language.EN, 6),
                        product(Product.CARDS, 7), product(Product.FX, 8), product(Product.WEALTH, 5)),
                advisor("frank", "Frank Lam 林嘉豪", Region.MO, lang(Language.YUE, 9), lang(Language.ZH, 7), lang(Language.EN, 6),
                        product(Product.ACCOUNTS, 8), product(Product.REMITTANCE, 7), product(Product.CROSS_BORDER, 7)));
    }

    public List<DemoCustomer> customers() {
        return List.of(
                new DemoCustomer("chan", "Mr Chan Tai Man 陳大文", CustomerTier.VIP, Language.YUE, Region.HK),
                new DemoCustomer("li", "Ms Li Na 李娜", CustomerTier.PREMIER, Language.ZH, Region.SZ),
                new DemoCustomer("smith", "Mr John Smith", CustomerTier.STANDARD, Language.EN, Region.HK));
    }

    public List<DemoLogin> logins() {
        var logins = new java.util.ArrayList<DemoLogin>();
        for (Advisor a : advisors()) {
            logins.add(new DemoLogin(a.id().value(), PASSWORD, "AGENT", Set.of(a.region()), a.id(), a.displayName()));
        }
        for (DemoCustomer c : customers()) {
            logins.add(new DemoLogin(c.username(), PASSWORD, "CUSTOMER", Set.of(c.region()), null, c.displayName()));
        }
        logins.add(new DemoLogin("sam", PASSWORD, "SUPERVISOR", Set.of(Region.HK, Region.SZ, Region.MO), null, "Sam Supervisor"));
        logins.add(new DemoLogin("connie", PASSWORD, "COMPLIANCE", Set.of(Region.HK, Region.MO), null, "Connie Compliance (HK, MO)"));
        logins.add(new DemoLogin("shen", PASSWORD, "COMPLIANCE", Set.of(Region.SZ), null, "Shen Compliance (SZ)"));
        logins.add(new DemoLogin("admin", PASSWORD, "ADMIN", Set.of(Region.HK, Region.SZ, Region.MO), null, "Administrator"));
        return List.copyOf(logins);
    }

    private static Advisor advisor(String id, String name, Region region, Skill... skills) {
        return new Advisor(AgentId.of(id), name, region, Set.of(skills),
                Map.of(Channel.VIDEO, 1, Channel.VOICE, 1, Channel.CHAT, 3));
    }

    private static Skill lang(Language l, int level) {
        return Skill.of(l.skillName(), level);
    }

    private static Skill product(Product p, int level) {
        return Skill.of(p.skillName(), level);
    }
}

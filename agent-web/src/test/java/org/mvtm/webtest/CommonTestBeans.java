package org.mvtm.webtest;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.mvtm.chatbot.api.Assistant;
import org.mvtm.chatbot.api.AssistantConfig;
import org.mvtm.chatbot.api.Assistants;
import org.mvtm.chatbot.api.BotTurns;
import org.mvtm.chatbot.api.RetrievalMode;
import org.mvtm.core.Advisor;
import org.mvtm.core.CustomerTier;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.Skill;
import org.mvtm.core.SkillRequirement;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InProcessEventBus;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.QueueId;
import org.mvtm.routing.api.QueueConfig;
import org.mvtm.routing.api.RoutingConfig;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.routing.api.RoutingEngines;
import org.mvtm.web.WebTierConfiguration;
import org.mvtm.web.api.WebPasswords;
import org.mvtm.web.api.WebRole;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.api.WebUserDirectory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** What the server provides to the web tier, as the test applications share it: real routing, demo users. */
@Configuration(proxyBeanMethods = false)
@Import(WebTierConfiguration.class)
public class CommonTestBeans {
    public static final String PASSWORD = "correct-horse-42";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    EventBus eventBus() {
        return new InProcessEventBus();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    RoutingEngine routingEngine(Clock clock, EventBus events) {
        RoutingEngine routing = RoutingEngines.inMemory(RoutingConfig.defaults(), clock, events);
        // as the demo seed defines them: a product's queue asks for the product's skill (the hand-off picks it by that)
        routing.defineQueue(QueueConfig.of(QueueId.of("general"), List.of()));
        for (String queue : List.of("cards", "wealth", "cross-border")) {
            routing.defineQueue(QueueConfig.of(QueueId.of(queue), List.of(SkillRequirement.of("product." + queue, 1))));
        }
        routing.registerAdvisor(new Advisor(AgentId.of("agent-ada"), "Ada Wong", Region.HK,
                Set.of(new Skill("lang.yue", 9), new Skill("lang.en", 7), new Skill("product.cards", 6)), null));
        routing.registerAdvisor(new Advisor(AgentId.of("agent-bo"), "Bo Zhang", Region.SZ,
                Set.of(new Skill("lang.zh", 9), new Skill("lang.en", 6)), null));
        return routing;
    }

    /** The real assistant with the shipped knowledge base; BM25 retrieval keeps start-up fast (no embedding models). */
    @Bean(destroyMethod = "close")
    Assistant assistant(Clock clock, EventBus events) {
        return Assistants.create(AssistantConfig.defaults().withRetrieval(RetrievalMode.BM25).withReloadInterval(java.time.Duration.ZERO),
                clock, events);
    }

    /** The server's bot turns, as the server wires them. */
    @Bean(destroyMethod = "close")
    BotTurns botTurns(Clock clock, EventBus events, Assistant assistant) {
        return Assistants.turns(assistant, events, clock);
    }

    /** The real system of record on an in-memory H2 database of its own. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    org.mvtm.admin.api.AdministrationService administration(Clock clock, EventBus events) {
        return org.mvtm.admin.api.Administrations.open(new org.mvtm.admin.api.AdministrationSettings(
                new org.mvtm.admin.api.DatabaseSettings("jdbc:h2:mem:admin-" + java.util.UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", ""),
                "mvtm.local"), clock, events);
    }

    @Bean
    WebUserDirectory webUserDirectory() {
        String hash = WebPasswords.hash(PASSWORD);
        return new WebUserDirectory()
                .add(WebUser.customer("chan", hash, "Chan Tai Man", Language.YUE, Region.HK, CustomerTier.PREMIER))
                .add(WebUser.customer("lockme", hash, "Lock Test", Language.EN, Region.HK, CustomerTier.STANDARD))
                .add(WebUser.customer("hoarder", hash, "Many Windows", Language.EN, Region.HK, CustomerTier.STANDARD))
                .add(WebUser.customer("burst", hash, "Many Requests", Language.EN, Region.HK, CustomerTier.STANDARD))
                .add(WebUser.customer("queuer", hash, "Two Queues", Language.EN, Region.HK, CustomerTier.STANDARD))
                .add(WebUser.customer("wordy", hash, "Long Lines", Language.EN, Region.HK, CustomerTier.STANDARD))
                .add(WebUser.customer("nocall", hash, "Not Yet Connected", Language.EN, Region.HK, CustomerTier.STANDARD))
                .add(WebUser.advisor("ada", hash, AgentId.of("agent-ada"), "Ada Wong", Language.YUE, Region.HK))
                .add(WebUser.advisor("ghost", hash, AgentId.of("agent-ghost"), "No Routing Profile", Language.EN, Region.HK))
                .add(WebUser.advisor("bo", hash, AgentId.of("agent-bo"), "Bo Zhang", Language.ZH, Region.SZ))
                .add(WebUser.staff("sam", hash, Set.of(WebRole.SUPERVISOR), Set.of(Region.HK, Region.SZ), "Sam Lee", Language.EN))
                .add(WebUser.staff("sue", hash, Set.of(WebRole.SUPERVISOR), Set.of(Region.SZ), "Sue Shenzhen", Language.ZH))
                .add(WebUser.staff("hkcomp", hash, Set.of(WebRole.COMPLIANCE), Set.of(Region.HK), "HK Compliance", Language.EN))
                .add(WebUser.staff("szcomp", hash, Set.of(WebRole.COMPLIANCE), Set.of(Region.SZ), "SZ Compliance", Language.ZH))
                .add(WebUser.staff("connie", hash, Set.of(WebRole.COMPLIANCE), Set.of(Region.HK), "Connie Lau", Language.YUE))
                .add(WebUser.staff("shen", hash, Set.of(WebRole.COMPLIANCE), Set.of(Region.SZ), "Shen Yu", Language.ZH))
                .add(WebUser.staff("root", hash, Set.of(WebRole.ADMIN), Set.of(Region.HK, Region.SZ, Region.MO), "Admin", Language.EN));
    }
}

package org.mvtm.server.wiring;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.admin.api.AdministrationSettings;
import org.mvtm.admin.api.Administrations;
import org.mvtm.admin.api.DatabaseSettings;
import org.mvtm.admin.api.PasswordPolicy;
import org.mvtm.chatbot.api.Assistant;
import org.mvtm.chatbot.api.AssistantConfig;
import org.mvtm.chatbot.api.Assistants;
import org.mvtm.chatbot.api.BotTurns;
import org.mvtm.chatbot.api.KnowledgeBaseArchive;
import org.mvtm.chatbot.api.KnowledgeBaseArchives;
import org.mvtm.core.Region;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.signin.SignInThrottle;
import org.mvtm.media.api.EmbeddedMediaConfig;
import org.mvtm.media.api.HostAddresses;
import org.mvtm.media.api.KurentoMediaConfig;
import org.mvtm.media.api.MediaServer;
import org.mvtm.media.api.MediaServers;
import org.mvtm.recording.api.ChainPoint;
import org.mvtm.recording.api.RecordingKeys;
import org.mvtm.recording.api.RecordingStore;
import org.mvtm.recording.api.RecordingStoreConfig;
import org.mvtm.recording.api.RecordingStores;
import org.mvtm.routing.api.RoutingConfig;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.routing.api.RoutingEngines;
import org.mvtm.server.cluster.ClusterEventRelay;
import org.mvtm.server.cluster.ClusterMediaServer;
import org.mvtm.server.cluster.ClusterRecordingStore;
import org.mvtm.server.cluster.ClusterSettings;
import org.mvtm.server.cluster.MediaHome;
import org.mvtm.server.cluster.RecordingChains;
import org.mvtm.server.cluster.SipCallRescue;
import org.mvtm.server.config.ContactProperties;
import org.mvtm.server.config.CustomerWaitProperties;
import org.mvtm.server.config.DataDirectory;
import org.mvtm.server.config.DocumentProperties;
import org.mvtm.server.config.InvalidConfigurationException;
import org.mvtm.server.demo.DemoSeed;
import org.mvtm.server.journey.JourneyCoordinator;
import org.mvtm.server.journey.RecordingPlacement;
import org.mvtm.server.waiting.WaitAnnouncements;
import org.mvtm.sip.api.AdmissionLimits;
import org.mvtm.sip.api.CustomerDirectory;
import org.mvtm.sip.api.RegistrationStore;
import org.mvtm.sip.api.RegistrationStores;
import org.mvtm.sip.api.SharedDialogs;
import org.mvtm.sip.api.SipEdge;
import org.mvtm.sip.api.SipEdgeConfig;
import org.mvtm.sip.api.SipEdgePorts;
import org.mvtm.sip.api.SipEdges;
import org.mvtm.sip.api.speech.SpeechSynthesizer;
import org.mvtm.web.WebTierConfiguration;
import org.mvtm.web.api.AdvisorDayStorage;
import org.mvtm.web.api.CustomerLimitSettings;
import org.mvtm.web.api.DeskPhones;
import org.mvtm.web.api.DocumentSettings;
import org.mvtm.web.api.PublicOrigin;
import org.mvtm.web.api.WebTierSettings;
import org.mvtm.web.api.WebUserDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import redis.clients.jedis.RedisClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The composition root: builds every module from its api factory with the node's clock, event bus and
 * configuration, and hands the instances to the web tier. The only place that knows all modules.
 */
@Configuration(proxyBeanMethods = false)
@Import(WebTierConfiguration.class)
public class ModuleWiring {

    @Bean(destroyMethod = "close")
    RoutingEngine routingEngine(ContactProperties props, Clock clock, EventBus bus) {
        RoutingConfig config = RoutingConfig.defaults();
        return props.redis().enabled()
                ? RoutingEngines.redis(props.redis().url(), props.nodeId(), config, clock, bus)
                : RoutingEngines.inMemory(config, clock, bus);
    }

    /** The system of record: PostgreSQL at contact.database.url, or the embedded H2 database under the data directory. */
    @Bean(destroyMethod = "close")
    AdministrationService administration(ContactProperties props, DataDirectory data, Clock clock, EventBus bus) {
        DatabaseSettings settings = databaseSettings(props, data);
        AdministrationService admin;
        try {
            // demo mode lets the seed's published password through; a bank's passwords all meet the policy
            PasswordPolicy passwords = props.demo().enabled()
                    ? PasswordPolicy.standard().allowing(Set.of(DemoSeed.PUBLISHED_PASSWORD)) : PasswordPolicy.standard();
            admin = Administrations.open(new AdministrationSettings(settings, props.sip().domain(), passwords), clock, bus);
        } catch (RuntimeException e) {
            throw new InvalidConfigurationException("contact.database.url", "cannot open the database at "
                    + settings.url() + " (" + rootMessage(e) + ")");
        }
        try {
            if (props.demo().enabled()) {
                DemoSeed.applyIfEmpty(admin);
            } else {
                FirstStart.bootstrap(admin, System.getenv());
            }
        } catch (RuntimeException e) {
            admin.close();
            throw e;
        }
        return admin;
    }

    /** Where the system of record lives: contact.database.url, or the embedded H2 file under the data directory. */
    static DatabaseSettings databaseSettings(ContactProperties props, DataDirectory data) {
        var db = props.database();
        return db.url().isEmpty()
                ? DatabaseSettings.embedded(data.resolve("db"))
                : new DatabaseSettings(db.url(), db.user(), db.password());
    }

    /** Wrap-up codes and notes kept with their interaction in the system of record (tried again while it is down). */
    @Bean(destroyMethod = "close")
    DispositionRecorder dispositionRecorder(AdministrationService admin, RoutingEngine routing, EventBus bus, Clock clock) {
        return new DispositionRecorder(admin, routing, bus, clock, Duration.ofSeconds(10));
    }

    /** Routing profiles, queues and sign-in users, loaded from the system of record and reloaded on every change. */
    @Bean(destroyMethod = "close")
    SystemOfRecord systemOfRecord(AdministrationService admin, RoutingEngine routing, WebUserDirectory users, EventBus bus) {
        return new SystemOfRecord(admin, routing, users, bus);
    }

    @Bean
    ClusterSettings clusterSettings(ContactProperties props, DataDirectory data,
                                    @Value("${server.port:8080}") int port) throws IOException {
        String self = props.cluster().advertisedUrl().isEmpty() ? "http://127.0.0.1:" + port : props.cluster().advertisedUrl();
        return new ClusterSettings(props.redis().enabled(), props.cluster().secret(), self, QueueMusic.ensure(data.resolve("media")));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("!'${contact.redis.url:}'.isEmpty()")
    RedisClient redisClient(ContactProperties props) {
        return RedisClient.create(URI.create(props.redis().url()));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("!'${contact.redis.url:}'.isEmpty()")
    ClusterEventRelay clusterEventRelay(RedisClient redis, ContactProperties props, EventBus bus, JsonMapper json,
                                         Clock clock) {
        return new ClusterEventRelay(redis, "mvtm", props.nodeId(), bus, json, clock);
    }

    /** The media port every module uses: this node's relay, or in a cluster the node that holds each call. */
    @Bean(destroyMethod = "")
    @Primary
    MediaServer mediaServer(@Qualifier("localMediaServer") MediaServer local,
                            ClusterSettings cluster, ObjectProvider<MediaHome> home, JsonMapper json) {
        MediaHome h = home.getIfAvailable();
        return h == null ? ClusterMediaServer.single(local) : new ClusterMediaServer(local, h, cluster.secret(), json);
    }

    /** Media claims held under this node's lease: a dead node's calls pass to a survivor within the lease. */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("!'${contact.redis.url:}'.isEmpty()")
    MediaHome mediaHome(RedisClient redis, ContactProperties props, ClusterSettings cluster, Clock clock) {
        return new MediaHome(redis, MediaHome.leaseConnection(URI.create(props.redis().url())), "mvtm",
                cluster.selfUrl(), MediaHome.LEASE, clock);
    }

    @Bean(destroyMethod = "close")
    MediaServer localMediaServer(ContactProperties props, Clock clock) {
        var m = props.media();
        return switch (m.mode()) {
            case EMBEDDED -> MediaServers.embedded(EmbeddedMediaConfig.defaults()
                    .withAddresses(m.bindAddress(), m.publicAddress().isBlank()
                            ? HostAddresses.advertised(m.bindAddress(),
                                    HostAddresses.ofThisHost())
                            : List.of(m.publicAddress()))
                    .withPorts(m.portMin(), m.portMax()).withBrowserAudio(m.browserAudio()), clock);
            case KURENTO -> MediaServers.kurento(KurentoMediaConfig.of(m.kurentoUrl(), Path.of(m.kurentoRecordingDir())), clock);
        };
    }

    /**
     * Published FAQ versions and drafts: in a directory when {@code contact.knowledge-base.archive-dir} names one,
     * else in the system of record (every node sharing the database sees them); the versions an earlier release kept
     * under the data directory are imported into an empty database once.
     */
    @Bean(destroyMethod = "close")
    Assistant assistant(Clock clock, EventBus bus, ContactProperties props, DataDirectory data, AdministrationService admin) {
        return new BackgroundAssistant(() -> Assistants.create(AssistantConfig.defaults(), clock, bus,
                knowledgeBaseArchive(props, data, admin)), clock);
    }

    private static KnowledgeBaseArchive knowledgeBaseArchive(ContactProperties props,
                                                                                   DataDirectory data,
                                                                                   AdministrationService admin) {
        if (!props.knowledgeBase().archiveDir().isEmpty()) {
            return KnowledgeBaseArchives.directory(Path.of(props.knowledgeBase().archiveDir()));
        }
        DatabaseKnowledgeBaseArchive database = new DatabaseKnowledgeBaseArchive(admin.knowledgeBase());
        Path earlier = data.resolve("knowledge-base");
        if (Files.isDirectory(earlier.resolve("versions"))) {
            database.importFrom(KnowledgeBaseArchives.directory(earlier));
        }
        return database;
    }

    /** Another node published a knowledge-base version: this node swaps its own index to it. */
    @Bean(destroyMethod = "close")
    KnowledgeBaseFollower knowledgeBaseFollower(Assistant assistant, EventBus bus) {
        return new KnowledgeBaseFollower((BackgroundAssistant) assistant, bus);
    }

    /** The bot's turns: customer lines on the bus answered by the assistant, in order per conversation. */
    @Bean(destroyMethod = "close")
    BotTurns botTurns(Assistant assistant, EventBus bus, Clock clock) {
        return Assistants.turns(assistant, bus, clock);
    }

    @Bean(destroyMethod = "close")
    RecordingStore recordingStore(ContactProperties props, DataDirectory data, Clock clock, EventBus bus) {
        Path keyFile = props.recording().masterKeyFile().isEmpty()
                ? data.resolve("keys").resolve("recording-keys.properties")
                : Path.of(props.recording().masterKeyFile());
        RecordingKeys keys;
        try {
            if (Files.exists(keyFile)) {
                keys = RecordingKeys.load(keyFile);
            } else if (props.recording().masterKeyFile().isEmpty()) {
                keys = RecordingKeys.generate();
                keys.save(keyFile);
            } else {
                throw new InvalidConfigurationException("contact.recording.master-key-file", "file " + keyFile + " does not exist");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidConfigurationException ice) {
                throw ice;
            }
            throw new InvalidConfigurationException("contact.recording.master-key-file", "cannot read or create recording keys at " + keyFile + " (" + e.getMessage() + ")");
        }
        return RecordingStores.open(RecordingStoreConfig.defaults(data.resolve("recordings"), keys)
                .withSegmentLength(props.recording().segmentLength()), clock, bus);
    }

    /** In a cluster, compliance reads every node's recordings: searched everywhere, fetched from the node holding one. */
    @Bean(destroyMethod = "")
    @Primary
    @ConditionalOnExpression("!'${contact.redis.url:}'.isEmpty()")
    RecordingStore clusterRecordingStore(@Qualifier("recordingStore") RecordingStore local,
                                         MediaHome nodes, ClusterSettings cluster, JsonMapper json, DataDirectory data,
                                         RecordingChains chains) {
        return new ClusterRecordingStore(local, nodes, cluster.secret(), json,
                data.resolve("recordings-from-other-nodes"), chains);
    }

    /** How far each node's recordings are chained, so a survivor continues a dead node's recording as the same one. */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("!'${contact.redis.url:}'.isEmpty()")
    RecordingChains recordingChains(RedisClient redis, ClusterSettings cluster) {
        return new RecordingChains(redis, "mvtm", cluster.selfUrl());
    }

    @Bean(destroyMethod = "close")
    RetentionSchedule retentionSchedule(RecordingStore store, Clock clock) {
        return new RetentionSchedule(store, clock, Duration.ofMinutes(5), Duration.ofHours(6));
    }

    @Bean
    RegistrationStore registrationStore(ObjectProvider<RedisClient> redis, Clock clock) {
        var client = redis.getIfAvailable();
        return client != null ? RegistrationStores.redis(client, "mvtm:sip", clock) : RegistrationStores.inMemory();
    }

    /** Established SIP dialogs, in Redis in a cluster so that a survivor carries a dead node's calls on. */
    @Bean
    SharedDialogs sharedDialogs(ObjectProvider<RedisClient> redis, ClusterSettings cluster) {
        var client = redis.getIfAvailable();
        return client != null ? SharedDialogs.redis(client, "mvtm:sip:", cluster.selfUrl())
                : SharedDialogs.inMemory(cluster.selfUrl());
    }

    /** A survivor re-INVITEs the phones of a dead node's calls from itself, within a second of its lease running out. */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("!'${contact.redis.url:}'.isEmpty()")
    SipCallRescue sipCallRescue(MediaHome home, SharedDialogs dialogs, SipEdge edge, Clock clock) {
        return new SipCallRescue(home, dialogs, edge, Duration.ofSeconds(1), clock);
    }

    /** An advisor with a registered desk phone is reachable with no console open (the phone rings). */
    @Bean
    DeskPhones deskPhones(RegistrationStore registrations, ContactProperties props, Clock clock) {
        String domain = props.sip().domain().toLowerCase(Locale.ROOT);
        return advisor -> !registrations.bindings("sip:" + advisor.value() + "@" + domain, clock.instant()).isEmpty();
    }

    /** Phone customers chatting over SIP MESSAGE: their conversations, queued like web chat when handed off. */
    @Bean(destroyMethod = "close")
    SipChatCustomers sipChatCustomers(RoutingEngine routing, AdministrationService admin, BotTurns bot, EventBus bus,
                                      Clock clock) {
        return new SipChatCustomers(routing, new AdministeredCustomers(admin, Region.HK), bot, bus, clock);
    }

    /** Text to speech for SIP callers (the IVR's prompts and answers, the wait announcements): one espeak-ng adapter. */
    @Bean
    SpeechSynthesizer speech(ContactProperties props) {
        return IvrWiring.speech(props);
    }

    @Bean(destroyMethod = "close")
    SipEdge sipEdge(ContactProperties props, Clock clock, EventBus bus, RoutingEngine routing, MediaServer media,
                    RegistrationStore registrations, AdministrationService admin, SystemOfRecord records,
                    ClusterSettings cluster, SignInThrottle signIns,
                    ObjectProvider<WaitAnnouncements> announcements, SipChatCustomers chats,
                    Assistant assistant, SpeechSynthesizer speech, CustomerWaitProperties wait,
                    RecordingStore recordings, SharedDialogs dialogs, JourneyCoordinator journey) {
        var sip = props.sip();
        CustomerDirectory customers = new AdministeredCustomers(admin, Region.HK);
        SipEdgeConfig config = SipEdgeConfig.builder(sip.domain())
                .bindAddress(sip.bindAddress())
                .advertisedAddress(sip.advertisedAddress())
                .udpPort(sip.udpPort()).tcpPort(sip.tcpPort()).tlsPort(sip.tlsPort())
                .trustedTrunks(Set.copyOf(sip.trustedTrunks()))
                .credentials(admin::sipHa1)
                .admission(AdmissionLimits.defaults().withCallsPerSecond(sip.maxCallsPerSecond())
                        .withMaxQueueDelay(sip.maxQueueDelay()))
                .build();
        SipEdge edge = SipEdges.create(config, clock, bus, new SipEdgePorts(new RoutingCallRouting(routing,
                        new SipDeskMonitoring(admin, routing, recordings, bus, clock)),
                new MediaCallMedia(media, cluster.queueMusic(), announcements.getIfAvailable()), new PhonePresence(registrations, routing, sip.domain(), clock),
                customers, null, chats).withSignIns(signIns).withDialogs(dialogs).withBacklog(journey::recordingBehind),
                IvrWiring.settings(props, assistant, speech),
                wait.callbacks().sipSettings(speech));
        try {
            edge.start();
        } catch (RuntimeException e) {
            edge.close();
            throw new InvalidConfigurationException("contact.sip.udp-port", "cannot listen for SIP on "
                    + sip.bindAddress() + " UDP " + sip.udpPort() + " / TCP " + sip.tcpPort() + " / TLS " + sip.tlsPort()
                    + " (" + rootMessage(e) + ")");
        }
        return edge;
    }

    @Bean(destroyMethod = "close")
    JourneyCoordinator journeyCoordinator(ContactProperties props, RoutingEngine routing, MediaServer media,
                                                RecordingStore recordings, EventBus bus, Clock clock,
                                                ObjectProvider<MediaHome> home, ObjectProvider<RecordingChains> chains) {
        MediaHome h = home.getIfAvailable();
        RecordingPlacement placement = h == null
                ? RecordingPlacement.THIS_NODE
                : new RecordingPlacement() {
                    @Override
                    public boolean recordsHere(InteractionId interaction) {
                        return h.isHere(interaction);
                    }

                    @Override
                    public boolean alreadyHere(InteractionId interaction) {
                        return h.find(interaction).filter(h.self()::equals).isPresent();
                    }

                    @Override
                    public void ended(InteractionId interaction) {
                        h.release(interaction);
                    }

                    @Override
                    public Optional<ChainPoint> lastChainPoint(InteractionId interaction, String node) {
                        return chains.getObject().lastOf(interaction, node);
                    }
                };
        JourneyCoordinator coordinator = new JourneyCoordinator(routing, media, recordings, bus, clock, placement,
                props.sip().maxRecordingLag());
        if (h != null) {
            // a call taken over from a dead node is recorded here from then on, the gap marked
            h.onTakeover(t -> coordinator.continueAfterNodeDied(t.interaction(), t.deadNode(), h.self()));
            // a call accepted on another node whose media came here afterwards is recorded here
            h.onFirstClaim(coordinator::mediaClaimedHere);
        }
        return coordinator;
    }

    /** Filled and kept current by {@link SystemOfRecord}. */
    @Bean
    WebUserDirectory webUsers() {
        return new WebUserDirectory();
    }

    /** Advisors' "Today's interactions" survive a restart: kept under the data directory. */
    @Bean
    AdvisorDayStorage advisorDayStorage(DataDirectory data) {
        return AdvisorDayStorage.in(data.resolve("advisor-days"));
    }

    @Bean
    CustomerLimitSettings customerLimitSettings(ContactProperties props) {
        return new CustomerLimitSettings(props.web().customerOpenConversations(),
                props.web().customerQueuePlaces(), props.web().customerConversationsPerMinute());
    }

    /** Documents in a call: size limit and the per-queue library (issue 22). */
    @Bean
    DocumentSettings documentSettings(ContactProperties props, DataDirectory data) {
        DocumentProperties d = props.documents();
        return new DocumentSettings(d.maxSize().toBytes(),
                Optional.of(d.library() != null ? d.library() : data.resolve("document-library")), d.maxPerCall());
    }

    /** WebSocket origins are compared with the configured public URL, never with the request's Host header. */
    @Bean
    @ConditionalOnExpression("!'${contact.public-url:}'.isBlank()")
    PublicOrigin publicOrigin(ContactProperties props) {
        return PublicOrigin.ofUrl(props.publicUrl());
    }

    @Bean
    WebTierSettings webTierSettings(ContactProperties props) {
        WebTierSettings d = WebTierSettings.defaults();
        return new WebTierSettings(d.allowedOrigins(), d.sessionTimeout(), d.maxFailedLogins(), d.lockout(), props.nodeId(),
                props.web().consoleGrace(), props.web().customerGrace());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}

package org.mvtm.server.health;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import org.mvtm.chatbot.api.Assistant;
import org.mvtm.media.api.MediaServer;
import org.mvtm.recording.api.RecordingStore;
import org.mvtm.recording.api.StoreHealth;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.server.metrics.SipRejectionMetrics;
import org.mvtm.sip.api.SipEdge;
import org.mvtm.sip.api.SipMetrics;
import org.mvtm.sip.api.SipTransport;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /actuator/health} is UP only when the SIP edge listens, the media bridge and the recording store are
 * working and the assistant has a knowledge base; {@code /actuator/prometheus} carries the modules' counters.
 */
@Configuration(proxyBeanMethods = false)
public class ModuleHealth {

    @Bean
    HealthIndicator sipHealth(SipEdge sip) {
        return () -> {
            int udp = sip.port(SipTransport.UDP);
            int tcp = sip.port(SipTransport.TCP);
            Health.Builder b = (udp > 0 || tcp > 0) ? Health.up() : Health.down();
            return b.withDetail("udp", udp).withDetail("tcp", tcp).withDetail("tls", sip.port(SipTransport.TLS))
                    .withDetail("domain", sip.domain()).withDetail("activeCalls", sip.metrics().activeCalls()).build();
        };
    }

    @Bean
    HealthIndicator mediaHealth(MediaServer media) {
        return () -> {
            try {
                return Health.up().withDetail("activeSessions", media.activeSessions().size()).build();
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
        };
    }

    @Bean
    HealthIndicator recordingHealth(RecordingStore store) {
        return () -> {
            StoreHealth h = store.health();
            return (h.healthy() ? Health.up() : Health.down()).withDetail("activeRecordings", h.activeRecordings())
                    .withDetail("droppedPackets", h.droppedPackets()).withDetail("problems", h.problems()).build();
        };
    }

    @Bean
    HealthIndicator assistantHealth(Assistant assistant) {
        return () -> {
            var kb = assistant.knowledgeBase();
            boolean loading = kb.faqs() == 0 && kb.lastError().filter("loading"::equals).isPresent();
            // the assistant loads in the background: while it does, calls are served and chat waits for it
            Health.Builder b = kb.faqs() > 0 || loading ? Health.up() : Health.down();
            b.withDetail("loading", loading);
            kb.lastError().ifPresent(err -> b.withDetail("lastError", err));
            return b.withDetail("faqs", kb.faqs()).withDetail("questions", kb.questions())
                    .withDetail("version", kb.version()).build();
        };
    }

    @Bean
    HealthIndicator routingHealth(RoutingEngine routing) {
        return () -> {
            try {
                return Health.up().withDetail("queues", routing.queues().size())
                        .withDetail("advisors", routing.advisors().size()).build();
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
        };
    }

    @Bean
    InitializingBean moduleMeters(MeterRegistry registry, SipEdge sip, RoutingEngine routing, RecordingStore store,
                                  MediaServer media) {
        return () -> {
            counter(registry, "mvtm.sip.calls.offered", sip, s -> s.metrics().callsOffered());
            counter(registry, "mvtm.sip.calls.answered", sip, s -> s.metrics().callsAnswered());
            counter(registry, "mvtm.sip.calls.abandoned", sip, s -> s.metrics().callsAbandoned());
            counter(registry, "mvtm.sip.registrations", sip, s -> s.metrics().registrations());
            counter(registry, "mvtm.sip.calls.failed", sip, s -> sum(s.metrics()));
            Gauge.builder("mvtm.sip.calls.active", sip, s -> s.metrics().activeCalls()).register(registry);
            Gauge.builder("mvtm.media.sessions.active", media, m -> m.activeSessions().size()).register(registry);
            Gauge.builder("mvtm.recording.active", store, s -> s.health().activeRecordings()).register(registry);
            counter(registry, "mvtm.recording.packets.dropped", store, s -> s.health().droppedPackets());
            Gauge.builder("mvtm.routing.waiting", routing,
                    r -> r.queueStats().stream().mapToLong(q -> q.waiting()).sum()).register(registry);
        };
    }

    /** {@code mvtm.sip.requests.rejected}, by reason. */
    @Bean(destroyMethod = "close")
    SipRejectionMetrics sipRejectionMetrics(MeterRegistry registry, SipEdge sip) {
        SipRejectionMetrics metrics = new SipRejectionMetrics(sip, Duration.ofSeconds(10));
        metrics.bindTo(registry);
        return metrics;
    }

    private static long sum(SipMetrics m) {
        return m.callsFailedByCause().values().stream().mapToLong(Long::longValue).sum();
    }

    private static <T> void counter(MeterRegistry registry, String name, T target, ToDoubleFunction<T> f) {
        FunctionCounter.builder(name, target, f).register(registry);
    }
}

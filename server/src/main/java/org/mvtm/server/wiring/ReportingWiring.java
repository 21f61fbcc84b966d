package org.mvtm.server.wiring;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.admin.api.DatabaseSettings;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.id.QueueId;
import org.mvtm.reporting.api.ReportingService;
import org.mvtm.reporting.api.Reportings;
import org.mvtm.routing.api.QueueConfig;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.server.cluster.ClusterSettings;
import org.mvtm.server.config.ContactProperties;
import org.mvtm.server.config.DataDirectory;
import org.mvtm.server.metrics.QueueMetrics;
import org.mvtm.server.waiting.WaitAnnouncements;
import org.mvtm.sip.api.speech.SpeechSynthesizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Interval reporting in the system of record's database (its own {@code reporting} schema), fed by this node's events,
 * with each queue's service-level threshold from routing; the per-queue metrics on {@code /actuator/prometheus}; and
 * the wait announcements SIP callers hear while queued.
 */
@Configuration(proxyBeanMethods = false)
public class ReportingWiring {

    /** Opened after the system of record, which creates the database it shares. */
    @Bean(destroyMethod = "close")
    ReportingService reporting(ContactProperties props, DataDirectory data, EventBus bus, RoutingEngine routing,
                               AdministrationService systemOfRecord, Clock clock) {
        DatabaseSettings db = ModuleWiring.databaseSettings(props, data);
        return Reportings.open(db, bus,
                queue -> routing.queues().stream().filter(q -> q.id().value().equals(queue)).findFirst()
                        .map(q -> q.sla().threshold())
                        .orElse(QueueConfig.of(QueueId.of(queue), null).sla().threshold()),
                clock);
    }

    /**
     * SIP callers in a queue hear their place and estimated wait in their language (contact.wait-announcements), spoken
     * by the same text-to-speech adapter as the IVR's prompts; with a callback trunk, also how to ask for a callback.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "contact.wait-announcements.enabled",
            matchIfMissing = true)
    WaitAnnouncements waitAnnouncements(ContactProperties props, RoutingEngine routing, ClusterSettings cluster,
                                        DataDirectory data, Clock clock, SpeechSynthesizer speech) {
        WaitAnnouncements announcements = new WaitAnnouncements(routing, speech, cluster.queueMusic(),
                data.resolve("media").resolve("announcements"), props.waitAnnouncements().interval(), clock);
        var callbacks = props.customerWait().callbacks();
        if (!callbacks.sipTrunk().isBlank() && callbacks.sipKey().strip().length() == 1) {
            announcements.offeringCallbacks(callbacks.sipKey().strip().charAt(0)); // callers can ask (docs/sip-edge.md)
        }
        return announcements.start();
    }

    @Bean(destroyMethod = "close")
    QueueMetrics queueMetrics(RoutingEngine routing, ReportingService reporting, Clock clock, MeterRegistry registry) {
        QueueMetrics metrics = new QueueMetrics(routing, reporting, clock);
        metrics.bindTo(registry);
        return metrics;
    }
}

package org.mvtm.web;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The web tier: security, pages, REST and WebSocket endpoints. The server imports this configuration and provides
 * these beans: {@link java.time.Clock}, {@link org.mvtm.core.event.EventBus},
 * {@link org.mvtm.web.api.WebUserDirectory}, {@link org.mvtm.chatbot.api.BotTurns},
 * {@link org.mvtm.media.api.MediaServer}, the routing engine and the recording store (see docs/agent-web.md), and
 * optionally {@link org.mvtm.web.api.WebTierSettings} and {@link org.mvtm.web.api.AdvisorDayStorage}.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan("org.mvtm.web")
public class WebTierConfiguration {
}

package org.mvtm.server.cluster;

import java.time.Clock;
import org.mvtm.web.api.WebTierSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import redis.clients.jedis.RedisClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * In a cluster ({@code contact.redis.url} set) the web sessions live in Redis ({@link RedisWebSessions}) instead of
 * each node's memory: an advisor's console, a supervisor's board or a customer's page reconnects to any node signed
 * in. The cookie keeps its name ({@code JSESSIONID}, HttpOnly, SameSite=Lax, Secure over TLS), so nothing in the
 * pages changes. Customers' conversations are kept there as well. A single node keeps the servlet container's
 * sessions and its customers' conversations in memory.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${contact.redis.url:}'.isEmpty()")
@EnableSpringHttpSession
public class SharedWebSessions {

    @Bean
    RedisWebSessions sessionRepository(RedisClient redis, ObjectProvider<WebTierSettings> settings, Clock clock) {
        return new RedisWebSessions(redis, "mvtm", settings.getIfAvailable(WebTierSettings::defaults).sessionTimeout(),
                clock);
    }

    /** Customers' conversations too, so a customer whose node died carries on at another ({@link RedisConversationStore}). */
    @Bean
    RedisConversationStore conversationStore(RedisClient redis, JsonMapper json) {
        return new RedisConversationStore(redis, "mvtm", json);
    }

    @Bean
    CookieSerializer sessionCookie() {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName("JSESSIONID");
        cookie.setUseBase64Encoding(false);
        cookie.setSameSite("Lax");
        return cookie;
    }
}

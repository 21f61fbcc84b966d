package org.mvtm.server.wiring;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.mvtm.core.digest.Digests;
import org.mvtm.core.signin.InMemoryStrikeStore;
import org.mvtm.core.signin.SignInObserver;
import org.mvtm.core.signin.StrikeStore;
import org.mvtm.core.signin.ThrottleSettings;
import org.mvtm.server.config.ContactProperties;
import org.mvtm.server.config.DataDirectory;
import org.mvtm.server.signin.MicrometerSignInObserver;
import org.mvtm.server.signin.RedisStrikeStore;
import org.mvtm.web.api.DeviceCookieKey;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.RedisClient;

/**
 * What the one sign-in throttle (built by the web tier and handed to the SIP edge by {@link ModuleWiring}) is made
 * of on this node: its limits ({@code contact.sign-in.*}), where it counts (Redis when {@code contact.redis.url} is
 * set, so every node sees every failure), the metric, and the key of the known-device cookie.
 */
@Configuration(proxyBeanMethods = false)
public class SignInWiring {

    @Bean
    ThrottleSettings throttleSettings(ContactProperties props) {
        return props.signIn().settings();
    }

    @Bean
    StrikeStore strikeStore(ObjectProvider<RedisClient> redis) {
        var client = redis.getIfAvailable();
        return client != null ? new RedisStrikeStore(client, "mvtm:") : new InMemoryStrikeStore();
    }

    @Bean
    SignInObserver signInObserver(MeterRegistry registry) {
        return new MicrometerSignInObserver(registry);
    }

    /** Every node must verify the others' cookies: derived from the cluster secret, else kept under the data directory. */
    @Bean
    DeviceCookieKey deviceCookieKey(ContactProperties props, DataDirectory data) {
        String secret = props.cluster().secret();
        if (!secret.isEmpty()) {
            return new DeviceCookieKey(
                    Digests.sha256(("mvtm known-device cookie|" + secret).getBytes(StandardCharsets.UTF_8)));
        }
        Path file = data.resolve("keys").resolve("device-cookie.key");
        try {
            if (Files.exists(file)) {
                return new DeviceCookieKey(Files.readAllBytes(file));
            }
            DeviceCookieKey key = DeviceCookieKey.random();
            Files.createDirectories(file.getParent());
            Files.write(file, key.secret());
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data directory's own permissions apply
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the device cookie key at " + file, e);
        }
    }
}

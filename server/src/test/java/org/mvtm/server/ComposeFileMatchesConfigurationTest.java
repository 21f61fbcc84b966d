package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mvtm.server.config.ContactProperties;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.UnboundElementsSourceFilter;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/compose.yml cannot run here (no Docker engine), so this keeps it honest: every node's CONTACT_* variables
 * bind to the server's real configuration class with no unknown names, and the nodes switch to Redis and Kurento.
 */
class ComposeFileMatchesConfigurationTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyServerNodeEnvironmentBindsToContactPropertiesWithRedisAndKurento() throws Exception {
        Path compose = Path.of(System.getProperty("mvtm.project.dir", "..")).resolve("docker/compose.yml");
        Map<String, Object> doc;
        try (Reader r = Files.newBufferedReader(compose)) {
            doc = new Yaml().load(r);
        }
        Map<String, Object> services = (Map<String, Object>) doc.get("services");
        int nodes = 0;
        for (var e : services.entrySet()) {
            Map<String, Object> service = (Map<String, Object>) e.getValue();
            Map<String, Object> env = (Map<String, Object>) service.get("environment");
            if (env == null || !env.containsKey("CONTACT_NODE_ID")) {
                continue;
            }
            nodes++;
            Map<String, Object> contactOnly = new LinkedHashMap<>();
            env.forEach((k, v) -> {
                if (k.startsWith("CONTACT_")) {
                    contactOnly.put(k, String.valueOf(v));
                }
            });
            var environment = new StandardEnvironment();
            environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, contactOnly));
            Binder binder = new Binder(ConfigurationPropertySources.from(environment.getPropertySources()));
            assertThat(knownEnvironmentNames()).as(e.getKey() + " sets only known contact.* properties")
                    .containsAll(contactOnly.keySet());
            BindHandler strict = new NoUnboundElementsBindHandler(BindHandler.DEFAULT, new UnboundElementsSourceFilter());
            ContactProperties props = binder.bindOrCreate("contact", Bindable.of(ContactProperties.class), strict);

            assertThat(props.nodeId()).as(e.getKey()).isEqualTo(env.get("CONTACT_NODE_ID"));
            assertThat(props.redis().enabled()).as(e.getKey() + " uses Redis").isTrue();
            assertThat(props.media().mode()).as(e.getKey() + " uses Kurento").isEqualTo(ContactProperties.MediaMode.KURENTO);
            assertThat(props.demo().enabled()).as(e.getKey() + " has no demo data").isFalse();
        }
        assertThat(nodes).as("server nodes in compose.yml").isEqualTo(2);
        assertThat(knownEnvironmentNames()).contains("CONTACT_REDIS_URL", "CONTACT_MEDIA_KURENTO_URL", "CONTACT_SIP_UDP_PORT");
        assertThat(services).containsKeys("redis", "kurento", "coturn");
    }

    /** CONTACT_* environment names of every leaf property of {@link ContactProperties}, derived from the records. */
    static Set<String> knownEnvironmentNames() {
        Set<String> names = new TreeSet<>();
        collect(ContactProperties.class, "CONTACT", names);
        return names;
    }

    private static void collect(Class<?> type, String prefix, Set<String> names) {
        for (RecordComponent c : type.getRecordComponents()) {
            String env = prefix + "_" + c.getName().replaceAll("([A-Z])", "_$1").toUpperCase(java.util.Locale.ROOT);
            if (c.getType().isRecord()) {
                collect(c.getType(), env, names);
            } else {
                names.add(env);
            }
        }
    }
}

package org.mvtm.server.wiring;

import java.util.Map;
import java.util.Set;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.admin.api.InvalidChange;
import org.mvtm.admin.api.UserChange;
import org.mvtm.server.config.InvalidConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bank's first start on an empty database (demo off): either the environment names the first administrator's
 * password ({@code MVTM_BOOTSTRAP_ADMIN_PASSWORD}, user {@code MVTM_BOOTSTRAP_ADMIN_USER} or {@code admin}), or a
 * one-time token ({@code MVTM_BOOTSTRAP_TOKEN}, or a random one) is printed for POST /api/admin/bootstrap.
 */
final class FirstStart {
    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private FirstStart() {
    }

    static void bootstrap(AdministrationService admin, Map<String, String> env) {
        if (!admin.empty()) {
            return;
        }
        String password = env.get("MVTM_BOOTSTRAP_ADMIN_PASSWORD");
        String token = admin.issueBootstrapToken(env.get("MVTM_BOOTSTRAP_TOKEN")).orElseThrow();
        if (password != null && !password.isEmpty()) {
            String user = env.getOrDefault("MVTM_BOOTSTRAP_ADMIN_USER", "admin");
            try {
                admin.bootstrapAdmin(token, new UserChange(user, "Administrator", Set.of(), Set.of("HK"), "en", true, password, null));
            } catch (InvalidChange e) {
                throw new InvalidConfigurationException(e.errors().getFirst().field().equals("password")
                        ? "MVTM_BOOTSTRAP_ADMIN_PASSWORD" : "MVTM_BOOTSTRAP_ADMIN_USER", e.errors().getFirst().message());
            }
            log.warn("\n\n  Empty database: created the first administrator '{}' from MVTM_BOOTSTRAP_ADMIN_PASSWORD.\n"
                    + "  Sign in and remove the variable from the environment.\n", user);
            return;
        }
        log.warn("\n\n  Empty database: no users yet. Create the first administrator once with this one-time token:\n"
                + "    in a browser: http://<host>/setup (token {}), or with curl:\n"
                + "    curl -c jar -b jar http://<host>/login >/dev/null\n"
                + "    curl -c jar -b jar -H \"X-XSRF-TOKEN: $(awk '/XSRF-TOKEN/{print $7}' jar)\" -H 'Content-Type: application/json' \\\n"
                + "      -d '{\"token\":\"{}\",\"username\":\"admin\",\"password\":\"<a passphrase>\"}' http://<host>/api/admin/bootstrap\n"
                + "  (see docs/operations.md, \"Setting up a bank from an empty database\")\n", token, token);
    }
}

package org.mvtm.server;

import java.util.List;

/**
 * A test class whose tests are scenarios of one browser script, each run by name against the class's server. The
 * consoles' and the customer pages' grace periods are short, so that a scenario can wait for someone who left to be
 * logged out or abandoned.
 */
abstract class BrowserScenarios extends ServerForTheClass {
    /**
     * A browser script of named scenarios.
     *
     * @param path from the repository's root
     * @param ok   what the script prints, before the scenario's name, when a scenario passed
     */
    record Script(String path, String ok) {
    }

    private final Script script;

    BrowserScenarios(Script script) {
        this.script = script;
    }

    @Override
    final List<String> serverArguments() {
        return List.of("--contact.web.console-grace=6s", "--contact.web.customer-grace=6s");
    }

    /** Runs the script's scenario {@code name}; it must print {@code ok name}. */
    void scenario(String name) throws Exception {
        NodeScript.run(script.path(), NodeScript.scenarioEnv(server, name), server, script.ok() + " " + name,
                line -> { });
    }
}

package org.mvtm.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long something took, as the consoles show it (the advisor's call timer, the supervisor's and the wallboard's
 * waits and averages, the compliance player's clock): the consoles' own script, {@code js/time-format.js}, run by
 * node.
 */
@Tag("peer")
class DurationsOnTheConsolesTest {
    private static final Path SCRIPT = Path.of("src/main/resources/static/js/time-format.js").toAbsolutePath();

    @Test
    void aDurationIsMinutesAndSecondsRoundedDownAndAMissingFigureIsADash() throws Exception {
        assertThat(run("[mmss(75), mmss(59.6), mmss(119.7), mmss(0), mmss(3600), mmss(-3), mmss(null), mmss(undefined)]"))
                .isEqualTo("[\"1:15\",\"0:59\",\"1:59\",\"0:00\",\"60:00\",\"0:00\",\"—\",\"—\"]");
    }

    @Test
    void aTimerCountsTheSecondsSinceItStartedAndNeverBelowZero() throws Exception {
        assertThat(run("[mmss(secondsSince(1000, 66500)), mmss(secondsSince(5000, 4000))]"))
                .isEqualTo("[\"1:05\",\"0:00\"]");
    }

    /** Prints the JSON of {@code expression}, evaluated with the script's exports in scope. */
    private static String run(String expression) throws IOException, InterruptedException {
        String program = "import { mmss, secondsSince } from '" + SCRIPT.toUri() + "';\n"
                + "console.log(JSON.stringify(" + expression + "));";
        Process node = new ProcessBuilder("node", "--input-type=module", "-e", program)
                .redirectErrorStream(true)
                .start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("node finished").isTrue();
        assertThat(node.exitValue()).as("node's exit, printing: %s", out).isZero();
        return out;
    }
}

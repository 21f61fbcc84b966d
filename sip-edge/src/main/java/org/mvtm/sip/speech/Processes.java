package org.mvtm.sip.speech;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mvtm.sip.api.speech.SpeechException;

/** Runs a speech engine's command line and returns its standard output; a failure names the command. */
final class Processes {
    private Processes() {
    }

    static String run(List<String> command, byte[] stdin, long timeoutSeconds) {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new SpeechException(command.get(0) + " is not installed or cannot start: " + e.getMessage(), e);
        }
        try {
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new SpeechException(command.get(0) + " did not finish within " + timeoutSeconds + " s");
            }
            if (p.exitValue() != 0) {
                throw new SpeechException(command.get(0) + " failed with exit code " + p.exitValue());
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            p.destroyForcibly();
            throw new SpeechException(command.get(0) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SpeechException(command.get(0) + " was interrupted", e);
        }
    }
}

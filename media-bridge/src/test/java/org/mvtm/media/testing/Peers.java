package org.mvtm.media.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates real peers (node + Playwright, chromium, firefox-esr, baresip, espeak-ng); a missing peer fails loudly. */
public final class Peers {
    private Peers() {
    }

    public static Path projectDir() {
        String dir = System.getProperty("mvtm.project.dir");
        if (dir == null) {
            throw new IllegalStateException("system property mvtm.project.dir is not set (surefire sets it)");
        }
        return Path.of(dir);
    }

    public static void requireExecutable(String path, String debianPackage) {
        if (!Files.isExecutable(Path.of(path))) {
            throw new AssertionError(path + " not found: install the Debian package '" + debianPackage + "'");
        }
    }

    public static Path nodeModules() {
        Path nm = projectDir().resolve("tools/browser/node_modules");
        if (!Files.isDirectory(nm.resolve("playwright-core"))) {
            throw new AssertionError("playwright-core missing: run 'npm ci' in " + projectDir().resolve("tools/browser"));
        }
        return nm;
    }

    /** Copies a classpath resource to a temp file (node needs a path). */
    public static Path resourceToFile(String resource, Path dir) throws IOException {
        Path target = dir.resolve(Path.of(resource).getFileName().toString());
        try (var in = Peers.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            Files.copy(in, target);
        }
        return target;
    }
}

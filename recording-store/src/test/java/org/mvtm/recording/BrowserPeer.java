package org.mvtm.recording;

import static org.assertj.core.api.Assertions.fail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mvtm.recording.api.MediaFile;

/**
 * Runs the Playwright scripts in {@code src/test/resources/browser} against Debian's Chromium, and serves pages and
 * media from 127.0.0.1 (a secure context) with HTTP range requests, as the compliance console will.
 */
final class BrowserPeer implements AutoCloseable {
    private final Path projectDir;
    private final HttpServer http;
    private final Map<String, MediaFile> media = new ConcurrentHashMap<>();

    BrowserPeer() throws IOException {
        projectDir = Path.of(System.getProperty("mvtm.project.dir", "..")).toAbsolutePath().normalize();
        if (!Files.isExecutable(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium")))) {
            fail("Chromium is missing: install the Debian package 'chromium' (apt-get install chromium)");
        }
        if (!Files.isDirectory(projectDir.resolve("tools/browser/node_modules/playwright-core"))) {
            fail("playwright-core is missing: run 'npm ci' in " + projectDir.resolve("tools/browser")
                    + " (needs the Debian package 'nodejs' and 'npm')");
        }
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", ex -> {
            byte[] page = "<!doctype html><html><body></body></html>".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, page.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(page);
            }
        });
        http.createContext("/media/", this::serveMedia);
        http.start();
    }

    String pageUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/";
    }

    String publish(String name, MediaFile file) {
        media.put(name, file);
        return pageUrl() + "media/" + name;
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private void serveMedia(HttpExchange ex) throws IOException {
        MediaFile f = media.get(ex.getRequestURI().getPath().substring("/media/".length()));
        if (f == null) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        ex.getResponseHeaders().add("Content-Type", f.contentType());
        ex.getResponseHeaders().add("Accept-Ranges", "bytes");
        long first = 0;
        long last = f.size() - 1;
        int status = 200;
        String range = ex.getRequestHeaders().getFirst("Range");
        if (range != null) {
            Matcher m = RANGE.matcher(range.trim());
            if (m.matches()) {
                if (m.group(1).isEmpty()) {
                    first = Math.max(0, f.size() - Long.parseLong(m.group(2)));
                } else {
                    first = Long.parseLong(m.group(1));
                    if (!m.group(2).isEmpty()) {
                        last = Math.min(last, Long.parseLong(m.group(2)));
                    }
                }
                status = 206;
                ex.getResponseHeaders().add("Content-Range", "bytes " + first + "-" + last + "/" + f.size());
            }
        }
        ex.sendResponseHeaders(status, last - first + 1);
        try (InputStream in = f.openRange(first, last); OutputStream o = ex.getResponseBody()) {
            in.transferTo(o);
        } catch (IOException e) {
            // the browser cancelled the request (normal while seeking)
        }
    }

    /** Runs a script from src/test/resources/browser and returns its last stdout line. */
    String run(String script, String... args) throws IOException, InterruptedException {
        Path scriptPath = projectDir.resolve("recording-store/src/test/resources/browser").resolve(script);
        List<String> cmd = new java.util.ArrayList<>(List.of("node", scriptPath.toString(), projectDir.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("NODE_PATH", projectDir.resolve("tools/browser/node_modules").toString());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            fail("node is missing: install the Debian package 'nodejs' (" + e.getMessage() + ")");
            throw e;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            fail("node " + script + " failed:\n" + out);
        }
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1];
    }

    @Override
    public void close() {
        http.stop(0);
    }
}

package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A signed-in browser-like HTTP session: form login, the session and CSRF cookies, then the REST api. Or a bank's
 * app holding its customer's token ({@link #bearer}): every request carries {@code Authorization: Bearer}, no cookie.
 */
record WebSession(HttpClient http, CookieManager cookies, String base, String bearerToken) {
    static final JsonMapper JSON = JsonMapper.builder().build();

    WebSession(HttpClient http, CookieManager cookies, String base) {
        this(http, cookies, base, null);
    }

    /** An app that presents the customer token signed by the bank's identity provider. */
    static WebSession bearer(String base, String token) {
        return new WebSession(HttpClient.newHttpClient(), new CookieManager(), base, token);
    }

    static WebSession signIn(String base, String user, String password) throws Exception {
        Login login = login(base, user, password);
        assertThat(login.answer().statusCode()).as("login redirect").isEqualTo(302);
        assertThat(login.answer().headers().firstValue("Location").orElse("")).doesNotContain("error");
        // signing in replaces the CSRF token; the next response carries the new one as a cookie
        var me = login.http().send(HttpRequest.newBuilder(URI.create(base + "/api/me")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(me.statusCode()).as("/api/me after login").isEqualTo(200);
        return new WebSession(login.http(), login.cookies(), base);
    }

    /**
     * Signs in a user who confirms the password with a one-time code, as the second-factor page does: the password,
     * then the code {@code code} gives for the page's state ({@code GET /login/second-factor/state}: whether the user
     * is enrolled, and the secret to enrol with on a first sign-in), posted to {@code /login/second-factor}.
     */
    static WebSession signInWithCode(String base, String user, String password, Function<JsonNode, String> code)
            throws Exception {
        Login login = login(base, user, password);
        assertThat(login.answer().headers().firstValue("Location").orElse(""))
                .as("the password leads to the code").endsWith("/login/second-factor");
        JsonNode state = JSON.readTree(login.http().send(HttpRequest.newBuilder(URI.create(base
                + "/login/second-factor/state")).build(), HttpResponse.BodyHandlers.ofString()).body());
        String form = "code=" + code.apply(state) + "&_csrf=" + URLEncoder.encode(csrf(login.cookies()),
                StandardCharsets.UTF_8);
        var answer = login.http().send(HttpRequest.newBuilder(URI.create(base + "/login/second-factor"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(answer.headers().firstValue("Location").orElse("")).as("the code signs in").doesNotContain("error")
                .doesNotContain("/login");
        var me = login.http().send(HttpRequest.newBuilder(URI.create(base + "/api/me")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(me.statusCode()).as("/api/me after the code").isEqualTo(200);
        return new WebSession(login.http(), login.cookies(), base);
    }

    /**
     * Signs in a user an administrator created a moment ago: every node loads sign-in users from the database a moment
     * after the change, so the first attempt may come too early. At most three attempts, a second apart (the lockout
     * counts five).
     */
    static WebSession signInOnceLoaded(String base, String user, String password) throws Exception {
        for (int attempt = 1; attempt < 3 && signInFails(base, user, password); attempt++) {
            Thread.sleep(1000);
        }
        return signIn(base, user, password);
    }

    /** True when the login form sends {@code user} back to the login page with an error. */
    static boolean signInFails(String base, String user, String password) throws Exception {
        return signInAnswer(base, user, password).headers().firstValue("Location").orElse("").contains("error");
    }

    /** The login form's answer to a browser posting {@code user} and {@code password} (a redirect, or 429). */
    static HttpResponse<Void> signInAnswer(String base, String user, String password) throws Exception {
        return login(base, user, password).answer();
    }

    /** A browser's cookies and client after posting the login form, and the form's answer. */
    private record Login(HttpClient http, CookieManager cookies, HttpResponse<Void> answer) {
    }

    private static Login login(String base, String user, String password) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.discarding());
        String form = "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + csrf(cookies);
        var answer = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        return new Login(http, cookies, answer);
    }

    private static String csrf(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
    }

    /** Any request; a body is sent as JSON with the CSRF header. Headers come in name, value pairs. */
    HttpResponse<String> send(String method, String path, String jsonBody, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        if (bearerToken != null) {
            b.header("Authorization", "Bearer " + bearerToken);
        } else if (!method.equals("GET")) {
            b.header("X-XSRF-TOKEN", csrf(cookies));
        }
        if (jsonBody != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request with a body of any type (e.g. a CSV upload), with the CSRF header. */
    HttpResponse<String> sendBody(String method, String path, String contentType, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-XSRF-TOKEN", csrf(cookies))
                .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A body of any type sent whole before the answer is read, as a simple HTTP/1.1 client does (one that does not
     * watch for an early answer while it writes): the status line and the body of the answer, or the I/O error the
     * client gets instead (the server closed the connection while the body was still coming).
     */
    String sendWholeBodyThenRead(String method, String path, String contentType, byte[] body) throws Exception {
        URI uri = URI.create(base + path);
        String cookie = cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        String head = method + " " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nCookie: " + cookie + "\r\nX-XSRF-TOKEN: " + csrf(cookies) + "\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            for (int at = 0; at < body.length; at += 64 * 1024) {
                out.write(body, at, Math.min(64 * 1024, body.length - at));
            }
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int statusEnd = answer.indexOf("\r\n");
            int headEnd = answer.indexOf("\r\n\r\n");
            if (statusEnd < 0 || headEnd < 0) {
                return "no answer: " + (answer.isEmpty() ? "the server closed the connection without a word"
                        : "not an HTTP answer: " + answer);
            }
            return answer.substring(0, statusEnd) + "\n" + answer.substring(headEnd + 4);
        } catch (IOException e) {
            return "no answer: " + e;
        }
    }

    /** A request that must answer {@code status}; its JSON body. */
    JsonNode json(int status, String method, String path, String jsonBody, String... headers) throws Exception {
        var res = send(method, path, jsonBody, headers);
        assertThat(res.statusCode()).as(method + " " + path + ": " + res.body()).isEqualTo(status);
        return JSON.readTree(res.body());
    }

    byte[] bytes(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        var res = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(res.statusCode()).as(path).isEqualTo(200);
        return res.body();
    }
}

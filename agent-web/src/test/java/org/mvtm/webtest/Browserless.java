package org.mvtm.webtest;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A cookie-keeping HTTP client that signs in through the real login form, like a browser would. */
public final class Browserless {
    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String forwardedFor;

    public Browserless(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A client signed in as {@code user} with the test users' web password. */
    public static Browserless signedIn(int port, String user) {
        Browserless b = new Browserless(port);
        b.login(user, CommonTestBeans.PASSWORD);
        return b;
    }

    /** Every request says it comes from {@code address} (X-Forwarded-For, for a server that trusts the proxy header). */
    public Browserless from(String address) {
        this.forwardedFor = address;
        return this;
    }

    public String base() {
        return base;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8").GET().build());
    }

    /** A GET with extra headers given as name, value, name, value... */
    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").headers(headers).GET().build());
    }

    public HttpResponse<String> postJson(String path, String body, String... headers) {
        get("/login"); // makes sure an XSRF-TOKEN cookie exists
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", csrf()).POST(HttpRequest.BodyPublishers.ofString(body));
        return send((headers.length == 0 ? request : request.headers(headers)).build());
    }

    public HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("X-XSRF-TOKEN", csrf()).DELETE().build());
    }

    /** A JSON request with the CSRF header and extra headers given as name, value, name, value... */
    public HttpResponse<String> send(String method, String path, String body, String... headers) {
        get("/login");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("X-XSRF-TOKEN", csrf())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send((headers.length == 0 ? b : b.headers(headers)).build());
    }

    /** Any JSON request, with ({@code csrf} true) or without the CSRF header. */
    public HttpResponse<String> json(String method, String path, String body, boolean csrf) {
        get("/login");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (csrf) {
            b.header("X-XSRF-TOKEN", csrf());
        }
        return send(b.build());
    }

    /** Posts the login form; returns the redirect target. */
    public String login(String username, String password) {
        HttpResponse<String> response = postLogin(username, password);
        return response.headers().firstValue("Location").orElse("(no redirect, status " + response.statusCode() + ")");
    }

    /** Posts the login form as a browser does; returns the whole response. */
    public HttpResponse<String> postLogin(String username, String password) {
        get("/login");
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf());
        return send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie"));
    }

    /** The CSRF token a page would send, from the XSRF-TOKEN cookie (fetched with the sign-in page when missing). */
    public String csrf() {
        if (cookies.getCookieStore().getCookies().stream().noneMatch(c -> c.getName().equals("XSRF-TOKEN"))) {
            get("/login");
        }
        return cookie("XSRF-TOKEN");
    }

    /** Opens the WebSocket at {@code path} as this server's own pages do (same origin, this client's cookies). */
    public Socket socket(String path) {
        return openSocket(path, base).join();
    }

    /** Opens a WebSocket with this client's cookies and the given Origin header. */
    public CompletableFuture<Socket> openSocket(String path, String origin) {
        Socket socket = new Socket();
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        return builder.buildAsync(URI.create(base.replace("http", "ws") + path), socket).thenApply(ws -> {
            socket.ws = ws;
            return socket;
        });
    }

    /** Collects text messages of one WebSocket. */
    public static final class Socket implements WebSocket.Listener {
        private final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private final CompletableFuture<String> closedBy = new CompletableFuture<>();
        volatile WebSocket ws;

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedBy.complete(statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closedBy.complete("error " + error);
        }

        /** How the server closed this socket ("4409 SIGNED_OUT"), waiting at most 20 s. */
        public String closedByServer() {
            try {
                return closedBy.get(20, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("the server did not close the socket within 20 s; it sent " + messages);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new AssertionError(e);
            }
        }

        /** The messages received and not yet read. */
        public java.util.List<String> unread() {
            java.util.List<String> rest = new java.util.ArrayList<>();
            messages.drainTo(rest);
            return rest;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        public void send(String json) {
            ws.sendText(json, true).join();
        }

        /** The next message whose text contains {@code fragment}, waiting at most 20 s. */
        public String next(String fragment) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                String m = messages.poll(200, TimeUnit.MILLISECONDS);
                if (m != null && m.contains(fragment)) {
                    return m;
                }
            }
            throw new AssertionError("no message containing " + fragment + " within 20 s");
        }

        /** Every message up to and including the next one containing {@code fragment}, waiting at most 20 s. */
        public java.util.List<String> until(String fragment) throws InterruptedException {
            java.util.List<String> seen = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                String m = messages.poll(200, TimeUnit.MILLISECONDS);
                if (m != null) {
                    seen.add(m);
                    if (m.contains(fragment)) {
                        return seen;
                    }
                }
            }
            throw new AssertionError("no message containing " + fragment + " within 20 s; saw " + seen);
        }

        public void close() {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            HttpRequest r = forwardedFor == null ? request
                    : HttpRequest.newBuilder(request, (name, value) -> true).header("X-Forwarded-For", forwardedFor).build();
            return http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

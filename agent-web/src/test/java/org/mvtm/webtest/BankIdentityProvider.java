package org.mvtm.webtest;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Stands in for a bank's identity provider: an RSA key whose public half is served as a JWKS over real HTTP on a free
 * loopback port, and tokens signed with it (or with a key nobody published, to prove a forged token is refused).
 */
public final class BankIdentityProvider implements AutoCloseable {
    public static final String ISSUER = "https://login.bank.example";
    public static final String AUDIENCE = "contact-center";

    private final RSAKey key;
    private final RSAKey unpublished;
    private final HttpServer server;

    public BankIdentityProvider() {
        try {
            key = new RSAKeyGenerator(2048).keyID("bank-1").generate();
            unpublished = new RSAKeyGenerator(2048).keyID("bank-1").generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
    }

    public String jwksUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
    }

    /** Claims a bank's app would carry for a signed-in customer, valid for ten minutes from {@code now}. */
    public static JWTClaimsSet.Builder customer(String id, Instant now) {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(id)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .jwtID(UUID.randomUUID().toString())
                .claim("name", "Wong Siu Ming").claim("locale", "zh-HK").claim("region", "HK").claim("tier", "VIP");
    }

    public String sign(JWTClaimsSet.Builder claims) {
        return sign(key, claims.build());
    }

    public String sign(String id, Instant now, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(key, change.apply(customer(id, now)).build());
    }

    /** Signed with a key of the same id that the JWKS does not publish: a forgery. */
    public String forge(String id, Instant now) {
        return sign(unpublished, customer(id, now).build());
    }

    private static String sign(RSAKey with, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(with));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package org.mvtm.server;


import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bank sets itself up in the browser, demo off, from an empty database: the first administrator comes in on
 * /setup with the one-time token the server printed, and in the admin console creates a queue, two advisors with
 * skills and a compliance officer (bad input is shown next to its field and changes nothing), uploads a Cantonese and
 * an English FAQ file (a broken row first: refused by row number, nothing changes) and publishes them. A customer
 * holding a token signed by the bank's key (contact.identity.customer.public-key) chats on the customer page, is
 * answered from that knowledge base, asks for a person, and the Cantonese-speaking advisor, Ready in the advisor
 * console, is offered the chat while the English-speaking one is not. The console refuses non-administrators and
 * shows no English label in Traditional Chinese. The browser steps are in
 * server/src/test/browser/admin-console.js.
 */
@Tag("peer")
class BankSetUpThroughTheAdminConsoleTest {
    private static final String ISSUER = "https://login.bank.example";
    private static final String AUDIENCE = "contact-center";

    @Test
    void anAdministratorSetsUpTheBankInTheAdminConsoleAndTheRightAdvisorIsOfferedTheCustomer(@TempDir Path dir)
            throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair bank = generator.generateKeyPair();
        Path publicKey = dir.resolve("bank-customer-key.pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(bank.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");

        try (ServerProcess server = ServerProcess.start(dir, "--contact.demo.enabled=false",
                // the bootstrap admin signs in with the password alone here; SecondFactorSignInTest covers TOTP
                "--contact.identity.second-factor.required=false",
                "--contact.identity.customer.public-key=" + publicKey,
                "--contact.identity.customer.issuer=" + ISSUER, "--contact.identity.customer.audience=" + AUDIENCE,
                "--contact.media.port-min=0", "--contact.media.port-max=0")) {
            server.awaitHealthy(Duration.ofSeconds(180));
            String bootstrapToken = server.bootstrapToken();

            // what the bank's app holds for its signed-in customer: a short-lived token signed with the bank's key
            String customerToken = sign(bank, new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE)
                    .subject("chan").issueTime(new Date()).expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(30))))
                    .claim("name", "陳大文").claim("locale", "zh-HK").claim("region", "HK").claim("tier", "STANDARD")
                    .build());

            Map<String, String> env = Map.of("BASE_URL", server.baseUrl(), "BOOTSTRAP_TOKEN", bootstrapToken,
                    "CUSTOMER_TOKEN", customerToken,
                    "SCREENSHOTS", NodeScript.REPO.resolve("server/target/screenshots").toString());
            try (NodeScript script = NodeScript.start("server/src/test/browser/admin-console.js", env, line -> { })) {
                script.awaitPrinted("ADMIN CONSOLE OK", Duration.ofMinutes(8), server.logDigest());
            }
        }
    }

    private static String sign(KeyPair key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
        return jwt.serialize();
    }
}

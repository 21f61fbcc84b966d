package org.mvtm.web.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.mvtm.web.api.CustomerTokenSettings;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Builds the one decoder that verifies customer tokens, from the settings (JWKS URL, PEM key or the demo issuer). */
final class CustomerTokenDecoders {
    private CustomerTokenDecoders() {
    }

    static JwtDecoder decoder(CustomerTokenSettings settings, Optional<DemoCustomerIssuer> demo, Clock clock) {
        NimbusJwtDecoder decoder;
        if (!settings.jwksUrl().isEmpty()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwksUrl())
                    .jwsAlgorithms(algorithms -> {
                        algorithms.add(SignatureAlgorithm.RS256);
                        algorithms.add(SignatureAlgorithm.RS384);
                        algorithms.add(SignatureAlgorithm.RS512);
                        algorithms.add(SignatureAlgorithm.PS256);
                        algorithms.add(SignatureAlgorithm.ES256);
                        algorithms.add(SignatureAlgorithm.ES384);
                    })
                    .build();
        } else if (!settings.publicKey().isEmpty()) {
            decoder = NimbusJwtDecoder.withPublicKey(rsaPublicKey(settings.publicKey())).build();
        } else if (demo.isPresent()) {
            decoder = NimbusJwtDecoder.withPublicKey(demo.get().publicKey()).build();
        } else {
            return token -> {
                throw new BadJwtException("customer tokens are not accepted by this server: configure "
                        + "contact.identity.customer.jwks-url or contact.identity.customer.public-key");
            };
        }
        decoder.setJwtValidator(new CustomerTokenValidator(settings.issuer(), settings.audience(), settings.clockSkew(),
                clock));
        return decoder;
    }

    /** An RSA public key from PEM text ({@code -----BEGIN PUBLIC KEY-----}) or from the PEM file at that path. */
    static RSAPublicKey rsaPublicKey(String pemOrPath) {
        String pem = pemOrPath;
        if (!pemOrPath.startsWith("-----BEGIN")) {
            try {
                pem = Files.readString(Path.of(pemOrPath), StandardCharsets.US_ASCII);
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("contact.identity.customer.public-key is neither PEM text nor a "
                        + "readable PEM file: " + pemOrPath + " (" + e.getMessage() + ")");
            }
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("contact.identity.customer.public-key must be an RSA public key in PEM "
                    + "(-----BEGIN PUBLIC KEY-----): " + e.getMessage());
        }
    }
}

package org.kindred.platform;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.support.Problems.assertProblem;

import java.security.Key;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.platform.security.JwtKeys;
import org.kindred.platform.security.VerifiedTokens;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** RFC 8725 attacks on the access-token verifier: every one is a 401, never a 500 and never a 200. */
@QuarkusTest
class JwtVerificationTest {

    @Inject
    JwtKeys keys;

    @Inject
    VerifiedTokens verifiedTokens;

    TestAccount account;
    String sessionId;

    @BeforeEach
    void account() {
        account = Api.register("jwt");
        sessionId = sessionOf(account.accessToken());
    }

    @Test
    void aCorrectlySignedTokenIsAccepted() {
        // The control: the same crafting code with all the right parts works, so the failures below are meaningful.
        String token = sign(claims(c -> {
        }), keys.signing().privateKey(), AlgorithmIdentifiers.RSA_USING_SHA256, keys.signing().kid());
        RestAssured.given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200)
                .body("id", equalTo(account.id().toString()));
    }

    @Test
    void aVerifiedTokenIsRememberedOnceAndATamperedCopyIsStillRefused() {
        String token = signed(c -> {
        });
        long before = verifiedTokens.size();
        RestAssured.given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        RestAssured.given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        assertEquals(before + 1, verifiedTokens.size(), "remembered once, served again from memory");
        int middle = token.length() - 20; // inside the signature (the last character may carry only padding bits)
        char c = token.charAt(middle);
        rejected(token.substring(0, middle) + (c == 'A' ? 'B' : 'A') + token.substring(middle + 1));
        String[] parts = token.split("\\.");
        rejected(parts[0] + "." + parts[1] + "x." + parts[2]);
    }

    @Test
    void aRememberedTokenIsForgottenAtItsExpiry() throws InterruptedException {
        long exp = NumericDate.now().getValue() + 2;
        String token = signed(c -> c.setExpirationTime(NumericDate.fromSeconds(exp)));
        long before = verifiedTokens.size();
        RestAssured.given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        assertEquals(before + 1, verifiedTokens.size());
        while (NumericDate.now().getValue() <= exp) {
            Thread.sleep(100);
        }
        assertEquals(before, verifiedTokens.size(), "forgotten at exp: from then on only the full check answers");
    }

    @Test
    void algNoneIsRejected() {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims(c -> {
        }).toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setKeyIdHeaderValue(keys.signing().kid());
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        rejected(serialize(jws));
    }

    @Test
    void hs256SignedWithThePublicKeyIsRejected() {
        HmacKey key = new HmacKey(keys.signing().publicKey().getEncoded());
        rejected(sign(claims(c -> {
        }), key, AlgorithmIdentifiers.HMAC_SHA256, keys.signing().kid()));
    }

    @Test
    void expiredTokenIsRejected() {
        rejected(signed(c -> {
            c.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 3600));
            c.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 1800));
        }));
    }

    @Test
    void wrongIssuerIsRejected() {
        rejected(signed(c -> c.setIssuer("https://evil.example")));
    }

    @Test
    void wrongAudienceIsRejected() {
        rejected(signed(c -> c.setAudience("someone-else")));
    }

    @Test
    void missingExpIsRejected() {
        rejected(signed(c -> c.unsetClaim("exp")));
    }

    @Test
    void unknownKidIsRejected() {
        rejected(sign(claims(c -> {
        }), strangerKey(), AlgorithmIdentifiers.RSA_USING_SHA256, "unknown-kid"));
    }

    @Test
    void ourKidWithAStrangersSignatureIsRejected() {
        rejected(sign(claims(c -> {
        }), strangerKey(), AlgorithmIdentifiers.RSA_USING_SHA256, keys.signing().kid()));
    }

    @Test
    void tokenLivingLongerThanTheMaximumIsRejected() {
        rejected(signed(c -> c.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() + 86_400))));
    }

    @Test
    void tokenWithoutSessionIsRejected() {
        rejected(signed(c -> c.unsetClaim("sid")));
        rejected(signed(c -> c.setClaim("sid", UUID.randomUUID().toString())));
    }

    @Test
    void garbageIsRejected() {
        rejected("not-a-jwt");
        rejected("a.b.c");
        rejected(account.accessToken().substring(0, account.accessToken().length() - 4) + "AAAA");
    }

    @Test
    void jwksPublishesOnlyPublicKeys() {
        RestAssured.get("/.well-known/jwks.json").then().statusCode(200)
                .contentType("application/jwk-set+json")
                .body("keys[0].kid", equalTo(keys.signing().kid()))
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].use", equalTo("sig"))
                .body("keys[0].d", equalTo(null))
                .body("keys[0].p", equalTo(null));
    }

    private void rejected(String token) {
        assertProblem(RestAssured.given().auth().oauth2(token).get("/api/v1/me").then(), 401, "invalid-token")
                .header("WWW-Authenticate", "Bearer");
    }

    private String signed(Consumer<JwtClaims> change) {
        return sign(claims(change), keys.signing().privateKey(), AlgorithmIdentifiers.RSA_USING_SHA256,
                keys.signing().kid());
    }

    private JwtClaims claims(Consumer<JwtClaims> change) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("https://kindred.local");
        claims.setAudience("kindred-api");
        claims.setSubject(account.id().toString());
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setGeneratedJwtId();
        claims.setStringListClaim("groups", "member");
        claims.setClaim("sid", sessionId);
        change.accept(claims);
        return claims;
    }

    private static String sign(JwtClaims claims, Key key, String alg, String kid) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(alg);
        jws.setKeyIdHeaderValue(kid);
        jws.setDoKeyValidation(false);
        return serialize(jws);
    }

    private static Key strangerKey() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String serialize(JsonWebSignature jws) {
        try {
            return jws.getCompactSerialization();
        } catch (org.jose4j.lang.JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sessionOf(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        return io.restassured.path.json.JsonPath.from(payload).getString("sid");
    }
}

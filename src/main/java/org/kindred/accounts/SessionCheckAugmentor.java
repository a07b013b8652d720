package org.kindred.accounts;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.kindred.platform.security.CurrentUser;
import org.kindred.platform.security.JwtVerification;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Every verified access token is checked against the database: its session must be live and its account active,
 * so logout, password change, suspension and erasure stop access tokens at once, on every replica. Roles come from
 * the account row, not the token, so a revoked role is gone at once too. One primary-key join per request.
 */
@ApplicationScoped
public class SessionCheckAugmentor implements SecurityIdentityAugmentor {

    private static final String QUERY = """
            SELECT a.roles, a.guidelines_version FROM auth_sessions s JOIN accounts a ON a.id = s.account_id
            WHERE s.id = ? AND a.id = ? AND s.revoked_at IS NULL AND s.expires_at > now() AND a.status = 'ACTIVE'
            """;

    private final AgroalDataSource dataSource;

    public SessionCheckAugmentor(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            Live live = live(jwt);
            if (live == null) {
                throw new AuthenticationFailedException("session revoked or account inactive");
            }
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(identity.getPrincipal())
                    .addCredentials(identity.getCredentials())
                    .addAttributes(identity.getAttributes())
                    .addAttribute(CurrentUser.GUIDELINES_ATTRIBUTE, live.guidelinesVersion())
                    .addRoles(live.roles())
                    .build();
        });
    }

    private record Live(Set<String> roles, int guidelinesVersion) {
    }

    private Live live(JsonWebToken jwt) {
        UUID accountId;
        UUID sessionId;
        try {
            accountId = UUID.fromString(jwt.getSubject());
            sessionId = UUID.fromString(jwt.getClaim(JwtVerification.SESSION_CLAIM));
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setObject(1, sessionId);
            statement.setObject(2, accountId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Array array = rs.getArray(1);
                return new Live(new HashSet<>(Arrays.asList((String[]) array.getArray())), rs.getInt(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Session check failed", e);
        }
    }
}

package org.kindred.accounts;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
 * the account row, not the token, so a revoked role is gone at once too. One primary-key join per request, unless
 * this replica answered the same check recently and has heard of no change since ({@link LiveSessions}): then no
 * query and no hand-off to a worker thread.
 */
@ApplicationScoped
public class SessionCheckAugmentor implements SecurityIdentityAugmentor {

    private static final String QUERY = """
            SELECT a.roles, a.guidelines_version, s.expires_at, a.content_warning_mode, a.hidden_content_warnings
            FROM auth_sessions s JOIN accounts a ON a.id = s.account_id
            WHERE s.id = ? AND a.id = ? AND s.revoked_at IS NULL AND s.expires_at > now() AND a.status = 'ACTIVE'
            """;

    private static final Set<String> KNOWN_WARNINGS = Arrays.stream(ContentWarning.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    private final AgroalDataSource dataSource;
    private final LiveSessions liveSessions;

    public SessionCheckAugmentor(AgroalDataSource dataSource, LiveSessions liveSessions) {
        this.dataSource = dataSource;
        this.liveSessions = liveSessions;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        UUID accountId;
        UUID sessionId;
        try {
            accountId = UUID.fromString(jwt.getSubject());
            sessionId = UUID.fromString(jwt.getClaim(JwtVerification.SESSION_CLAIM));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Uni.createFrom().failure(new AuthenticationFailedException("malformed subject or session"));
        }
        Optional<LiveSessions.Live> remembered = liveSessions.cached(sessionId, accountId);
        if (remembered.isPresent()) {
            return Uni.createFrom().item(identity(identity, remembered.get()));
        }
        return context.runBlocking(() -> {
            long epoch = liveSessions.epoch();
            LiveSessions.Live live = live(sessionId, accountId);
            if (live == null) {
                throw new AuthenticationFailedException("session revoked or account inactive");
            }
            liveSessions.remember(sessionId, live, epoch);
            return identity(identity, live);
        });
    }

    private static SecurityIdentity identity(SecurityIdentity verified, LiveSessions.Live live) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(verified.getPrincipal())
                .addCredentials(verified.getCredentials())
                .addAttributes(verified.getAttributes())
                .addAttribute(CurrentUser.GUIDELINES_ATTRIBUTE, live.guidelinesVersion())
                .addAttribute(ReadingPreferences.ATTRIBUTE, live.reading())
                .addRoles(live.roles())
                .build();
    }

    /** The reader's preferences; a warning name this version does not know is skipped, never a failed check. */
    private static ReadingPreferences reading(ResultSet rs) throws SQLException {
        Array hidden = rs.getArray(5);
        return new ReadingPreferences("COLLAPSE".equals(rs.getString(4)), Arrays.stream((String[]) hidden.getArray())
                .filter(KNOWN_WARNINGS::contains).map(ContentWarning::valueOf).collect(Collectors.toSet()));
    }

    private LiveSessions.Live live(UUID sessionId, UUID accountId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setObject(1, sessionId);
            statement.setObject(2, accountId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Array array = rs.getArray(1);
                return new LiveSessions.Live(accountId, Set.copyOf(Arrays.asList((String[]) array.getArray())),
                        rs.getInt(2), rs.getTimestamp(3).toInstant(), reading(rs));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Session check failed", e);
        }
    }
}

package org.kindred.notifications;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.kindred.notifications.api.NotificationSettingsRequest;
import org.kindred.notifications.api.NotificationSettingsRequest.QuietHours;
import org.kindred.notifications.api.NotificationSettingsResponse;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.security.CurrentUser;
import org.kindred.platform.web.ETags;
import org.kindred.platform.web.Versioned;

/** A member's notification settings: kinds turned off, quiet hours in their time zone. No row: the defaults. */
@ApplicationScoped
public class NotificationSettings {

    private final EntityManager em;
    private final CurrentUser currentUser;
    private final Clock clock;

    public NotificationSettings(EntityManager em, CurrentUser currentUser, Clock clock) {
        this.em = em;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional
    public Versioned<NotificationSettingsResponse> mine() {
        UUID me = currentUser.requireAccountId();
        List<?> rows = em.createNativeQuery("""
                SELECT disabled_kinds, quiet_from, quiet_until, time_zone, version FROM notification_settings
                WHERE account_id = :me""").setParameter("me", me).getResultList();
        if (rows.isEmpty()) {
            return Versioned.of(new NotificationSettingsResponse(List.of(), null, "UTC"), 0);
        }
        Object[] r = (Object[]) rows.get(0);
        List<NotificationKind> disabled = Arrays.stream((String[]) r[0]).map(NotificationKind::valueOf).sorted()
                .toList();
        QuietHours quiet = r[1] == null ? null : new QuietHours(hhmm(r[1]), hhmm(r[2]));
        return Versioned.of(new NotificationSettingsResponse(disabled, quiet, (String) r[3]),
                ((Number) r[4]).longValue());
    }

    @Transactional
    public Versioned<NotificationSettingsResponse> replace(NotificationSettingsRequest request, String ifMatch) {
        UUID me = currentUser.requireAccountId();
        try {
            ZoneId.of(request.timeZone());
        } catch (DateTimeException e) {
            throw new BadRequestException("timeZone", "is not an IANA time zone, e.g. Europe/Berlin");
        }
        QuietHours quiet = request.quietHours();
        if (quiet != null && quiet.from().equals(quiet.until())) {
            throw new BadRequestException("quietHours", "from and until must differ");
        }
        em.createNativeQuery("""
                INSERT INTO notification_settings (account_id, updated_at) VALUES (:me, :now)
                ON CONFLICT (account_id) DO NOTHING""").setParameter("me", me).setParameter("now", clock.instant())
                .executeUpdate();
        long version = ((Number) em.createNativeQuery(
                "SELECT version FROM notification_settings WHERE account_id = :me FOR UPDATE").setParameter("me", me)
                .getSingleResult()).longValue();
        ETags.requireMatch(ifMatch, version);
        em.createNativeQuery(
                """
                        UPDATE notification_settings SET disabled_kinds = CAST(:kinds AS text[]), quiet_from = CAST(NULLIF(:from, '') AS time),
                               quiet_until = CAST(NULLIF(:until, '') AS time), time_zone = :zone, version = version + 1, updated_at = :now
                        WHERE account_id = :me""")
                .setParameter("kinds", "{" + String.join(",", request.disabledKinds().stream().map(Enum::name)
                        .sorted().toList()) + "}")
                .setParameter("from", quiet == null ? "" : quiet.from())
                .setParameter("until", quiet == null ? "" : quiet.until())
                .setParameter("zone", request.timeZone()).setParameter("now", clock.instant())
                .setParameter("me", me).executeUpdate();
        return mine();
    }

    private static String hhmm(Object time) {
        LocalTime t = time instanceof java.sql.Time sql ? sql.toLocalTime() : (LocalTime) time;
        return t.toString().substring(0, 5);
    }
}

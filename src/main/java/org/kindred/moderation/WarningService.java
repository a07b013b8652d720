package org.kindred.moderation;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.kindred.moderation.ModerationLogEntry.TargetType;
import org.kindred.moderation.api.WarningResponse;
import org.kindred.moderation.events.WarningIssued;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.events.DomainEvent;
import org.kindred.platform.paging.KeysetPaging;
import org.kindred.platform.paging.KeysetPaging.TimeAndId;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.security.CurrentUser;

/** Warnings: issued by moderators as a report's outcome, read by the member they were given to. */
@ApplicationScoped
public class WarningService {

    private final WarningRepository warnings;
    private final ModerationLog log;
    private final KeysetPaging paging;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Event<DomainEvent> events;

    public WarningService(WarningRepository warnings, ModerationLog log, KeysetPaging paging, CurrentUser currentUser,
            Clock clock, Event<DomainEvent> events) {
        this.events = events;
        this.warnings = warnings;
        this.log = log;
        this.paging = paging;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Warns the account a report is about; the reason is required because the member reads it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void issue(Report report, UUID account, UUID by, String reason) {
        if (report.groupId() == null) {
            throw new BadRequestException("action", "WARN needs a group; suspend the account or take no action");
        }
        if (reason == null || reason.isBlank()) {
            throw new BadRequestException("reason", "is required with WARN: the member sees it");
        }
        UUID postId = report.targetType() == ReportTarget.POST ? report.targetId() : null;
        Warning warning = Warning.issue(report.groupId(), account, postId, reason.strip(), by, clock.instant());
        warnings.persist(warning);
        events.fire(new WarningIssued(warning.id(), report.groupId(), account));
        log.record(report.groupId(), by, ModerationLogAction.MEMBER_WARNED, TargetType.ACCOUNT, account, reason,
                Map.of());
    }

    @Transactional
    public Page<WarningResponse> myWarnings(PageParams page) {
        UUID me = currentUser.requireAccountId();
        return paging.page("warnings|" + me, page, 2,
                (at, direction, limit) -> {
                    TimeAndId position = TimeAndId.of(at);
                    return warnings.page(me, direction, TimeAndId.at(position), TimeAndId.id(position), limit);
                },
                w -> TimeAndId.key(w.createdAt(), w.id()),
                rows -> rows.stream()
                        .map(w -> new WarningResponse(w.id(), w.groupId(), w.postId(), w.reason(), w.createdAt()))
                        .toList());
    }
}

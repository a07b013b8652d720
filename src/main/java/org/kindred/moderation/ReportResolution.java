package org.kindred.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.kindred.accounts.AccountAdministration;
import org.kindred.groups.GroupContext;
import org.kindred.groups.MembershipDecisions;
import org.kindred.moderation.ModerationLogEntry.TargetType;
import org.kindred.moderation.api.ReportResponse;
import org.kindred.moderation.api.ResolveReportRequest;
import org.kindred.moderation.events.ReportClosed;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.ConflictException;
import org.kindred.platform.error.ForbiddenException;
import org.kindred.platform.error.UnprocessableException;
import org.kindred.platform.events.DomainEvent;
import org.kindred.platform.security.CurrentUser;
import org.kindred.platform.web.ETags;
import org.kindred.platform.web.Versioned;
import org.kindred.posts.PostModeration;

/**
 * Resolving or dismissing a report: closes every open report of the same target and applies the action in the same
 * transaction. Each action goes through the owning aggregate's own method ({@link PostModeration} for posts,
 * {@link MembershipDecisions} for bans), so a resolution is refused exactly where the direct path would be.
 */
@ApplicationScoped
public class ReportResolution {

    private final ReportRepository reports;
    private final ReportService reportService;
    private final WarningService warnings;
    private final ModerationLog log;
    private final PostModeration posts;
    private final MembershipDecisions memberships;
    private final AccountAdministration accounts;
    private final Event<DomainEvent> events;
    private final CurrentUser currentUser;
    private final Clock clock;

    public ReportResolution(ReportRepository reports, ReportService reportService, WarningService warnings,
            ModerationLog log, PostModeration posts, MembershipDecisions memberships, AccountAdministration accounts,
            Event<DomainEvent> events, CurrentUser currentUser, Clock clock) {
        this.reports = reports;
        this.reportService = reportService;
        this.warnings = warnings;
        this.log = log;
        this.posts = posts;
        this.memberships = memberships;
        this.accounts = accounts;
        this.events = events;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional
    public Versioned<ReportResponse> resolve(UUID reportId, ResolveReportRequest request, String ifMatch) {
        UUID me = currentUser.requireAccountId();
        Report report = reports.findByIdOptional(reportId).orElseThrow(ReportService::notFound);
        GroupContext context = reportService.requireHandler(report, me);
        ETags.requireMatch(ifMatch, report.version());
        if (report.status() != ReportStatus.OPEN) {
            throw new ConflictException("already-resolved", "Already closed",
                    "This report was already " + report.status());
        }
        ReportAction action = request.action() == null ? ReportAction.NONE : request.action();
        boolean dismissed = request.status() == ResolveReportRequest.Resolution.DISMISSED;
        if (dismissed && action != ReportAction.NONE) {
            throw new BadRequestException("action", "a dismissal takes no action");
        }
        if (request.bannedUntil() != null && action != ReportAction.BAN_MEMBER) {
            throw new BadRequestException("bannedUntil", "only goes with action BAN_MEMBER");
        }
        List<Report> open = reports.openForTargetForUpdate(report.targetType(), report.targetId(), report.groupId());
        if (open.stream().anyMatch(r -> me.equals(r.reporterId()))) {
            // I4: nobody resolves a report they filed; another moderator of the group (or an admin) does.
            throw new ForbiddenException("own-report", "Your own report",
                    "You reported this; another moderator must resolve or dismiss it");
        }
        if (dismissed) {
            dismiss(report, me, request.note(), open.size());
        } else {
            apply(action, report, context, me, request);
        }
        Instant now = clock.instant();
        ReportStatus status = dismissed ? ReportStatus.DISMISSED : ReportStatus.RESOLVED;
        Map<UUID, UUID> reportsByReporter = new HashMap<>();
        for (Report r : open) {
            r.close(status, action, request.note(), me, now);
            if (r.reporterId() != null) {
                reportsByReporter.put(r.reporterId(), r.id());
            }
        }
        events.fire(new ReportClosed(report.id(), report.groupId(), report.targetType(), report.targetId(), status,
                action, reportsByReporter));
        reports.flush();
        return Versioned.of(ReportService.toResponse(report), report.version());
    }

    private void dismiss(Report report, UUID me, String note, int reports) {
        if (report.targetType() == ReportTarget.POST) {
            posts.release(report.targetId(), me);
        }
        if (report.groupId() != null) {
            log.recordForModerators(report.groupId(), me, ModerationLogAction.REPORTS_DISMISSED,
                    TargetType.valueOf(report.targetType().name()), report.targetId(), note,
                    Map.of("reports", reports));
        }
    }

    private void apply(ReportAction action, Report report, GroupContext context, UUID me,
            ResolveReportRequest request) {
        if (context == null && report.groupId() != null) {
            throw new IllegalStateException("group report resolved without a group context");
        }
        switch (action) {
            case NONE -> {
            }
            case HIDE_POST -> posts.hide(postOf(report, action), me, request.reason());
            case RESTORE_POST -> posts.release(postOf(report, action), me);
            case REMOVE_POST -> posts.remove(postOf(report, action), me, request.reason());
            case LOCK_THREAD -> posts.lock(postOf(report, action), me, request.reason());
            case WARN -> warnings.issue(report, accountOf(report, action), me, request.reason());
            case BAN_MEMBER -> {
                UUID account = accountOf(report, action);
                requireNamedAuthor(report, action);
                if (report.groupId() == null) {
                    throw new BadRequestException("action", "BAN_MEMBER needs a group; suspend the account instead");
                }
                memberships.banFromReport(context, account, request.bannedUntil(), request.reason());
            }
            case SUSPEND_ACCOUNT -> {
                requireNamedAuthor(report, action);
                suspend(report, accountOf(report, action), me, request.reason());
            }
        }
    }

    /**
     * I1/I5: a ban or a suspension changes what every member sees (the member list, the profile) at the moment the
     * report closes, so taken on a report of an anonymous post it would show who wrote it. The post-level actions and
     * a private WARN stay available; an account that must go is reported as an account (a report that names the
     * person from the start), or banned directly, as a decision of its own.
     */
    private void requireNamedAuthor(Report report, ReportAction action) {
        if (report.targetType() == ReportTarget.POST
                && posts.facts(report.targetId()).map(PostModeration.PostFacts::anonymous).orElse(false)) {
            throw new UnprocessableException("reveals-anonymous-author", "Would reveal an anonymous author",
                    action + " on a report of an anonymous post would show every member who wrote it. Remove, hide "
                            + "or lock the post, or WARN its author privately; to act on the account, report the "
                            + "account itself");
        }
    }

    private void suspend(Report report, UUID account, UUID me, String reason) {
        if (!currentUser.isAdmin()) {
            throw new ForbiddenException("admins-only", "Admins only", "Only platform admins suspend accounts");
        }
        accounts.suspend(account);
        if (report.groupId() != null) {
            log.record(report.groupId(), me, ModerationLogAction.ACCOUNT_SUSPENDED, TargetType.ACCOUNT, account,
                    reason, Map.of());
        }
    }

    private static UUID accountOf(Report report, ReportAction action) {
        if (report.targetAccountId() == null) {
            throw new BadRequestException("action", action + " needs a post or an account as the target");
        }
        return report.targetAccountId();
    }

    private static UUID postOf(Report report, ReportAction action) {
        if (report.targetType() != ReportTarget.POST) {
            throw new BadRequestException("action", action + " applies to reported posts only");
        }
        return report.targetId();
    }
}

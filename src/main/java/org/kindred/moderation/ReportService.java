package org.kindred.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.kindred.accounts.AccountDirectory;
import org.kindred.groups.GroupAccess;
import org.kindred.groups.GroupContext;
import org.kindred.moderation.api.CreateReportRequest;
import org.kindred.moderation.api.ReportResponse;
import org.kindred.moderation.events.ReportFiled;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.ForbiddenException;
import org.kindred.platform.error.NotFoundException;
import org.kindred.platform.events.DomainEvent;
import org.kindred.platform.security.CurrentUser;
import org.kindred.platform.web.Versioned;
import org.kindred.posts.PostModeration;
import org.kindred.posts.PostService;
import org.kindred.posts.events.PostScreened;

/**
 * Filing reports, reading one, and raising the service's own reports (care, keyword rules) from posts' events.
 * <ul>
 * <li>Reporters are never named to anyone but themselves; a report about a moderator is not shown to that moderator.</li>
 * <li>A post reported by {@code kindred.moderation.auto-hide-reports} distinct members is hidden until reviewed.</li>
 * </ul>
 */
@ApplicationScoped
public class ReportService {

    /** A filed report and whether it was new (201) or merged into the member's earlier one (200). */
    public record Filed(boolean created, ReportResponse report) {
    }

    private final ReportRepository reports;
    private final PostService posts;
    private final PostModeration postModeration;
    private final GroupAccess access;
    private final AccountDirectory accounts;
    private final ModerationConfig config;
    private final CareService care;
    private final Event<DomainEvent> events;
    private final CurrentUser currentUser;
    private final Clock clock;

    public ReportService(ReportRepository reports, PostService posts, PostModeration postModeration,
            GroupAccess access, AccountDirectory accounts, ModerationConfig config, CareService care,
            Event<DomainEvent> events,
            CurrentUser currentUser, Clock clock) {
        this.reports = reports;
        this.posts = posts;
        this.postModeration = postModeration;
        this.access = access;
        this.accounts = accounts;
        this.config = config;
        this.care = care;
        this.events = events;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Where a report points: its group (null for platform reports) and the account it is about (null for groups). */
    private record Target(UUID groupId, UUID account) {
    }

    @Transactional
    public Filed file(CreateReportRequest request) {
        UUID me = currentUser.requireAccountId();
        Instant now = clock.instant();
        Target target = target(request, me);
        String details = request.details() == null || request.details().isBlank() ? null : request.details().strip();
        var existing = reports.openByMember(request.targetType(), request.targetId(), me, target.groupId());
        if (existing.isPresent()) {
            existing.get().merge(request.reason(), details, now);
            if (request.reason() == ReportReason.WELLBEING_CONCERN && target.account() != null) {
                care.worriedAbout(target.account());
            }
            return new Filed(false, toReporterResponse(existing.get()));
        }
        Report report = Report.file(target.groupId(), request.targetType(), request.targetId(), target.account(), me,
                ReportSource.MEMBER, request.reason(), details, now);
        reports.persist(report);
        reports.flush();
        events.fire(new ReportFiled(report.id(), target.groupId(), request.targetType(), request.targetId(),
                ReportSource.MEMBER, request.reason()));
        if (request.reason() == ReportReason.WELLBEING_CONCERN && target.account() != null) {
            care.worriedAbout(target.account());
        }
        if (request.targetType() == ReportTarget.POST) {
            long reporters = reports.distinctOpenReporters(ReportTarget.POST, request.targetId());
            if (reporters >= config.autoHideReports()) {
                postModeration.hideReported(request.targetId(), reporters);
            }
        }
        return new Filed(true, toReporterResponse(report));
    }

    private Target target(CreateReportRequest request, UUID me) {
        switch (request.targetType()) {
            case POST -> {
                UUID postId = posts.get(request.targetId()).body().id(); // 404 unless the reporter can see it
                PostModeration.PostFacts facts = postModeration.facts(postId).orElseThrow();
                if (facts.authorId().equals(me)) {
                    throw new BadRequestException("targetId",
                            "you cannot report your own post; delete or edit it instead");
                }
                return new Target(facts.groupId(), facts.authorId());
            }
            case ACCOUNT -> {
                if (request.targetId().equals(me)) {
                    throw new BadRequestException("targetId", "you cannot report yourself");
                }
                accounts.summary(request.targetId()).orElseThrow(() -> new NotFoundException("No such account"));
                UUID groupId = request.groupId() == null
                        ? null
                        : access.requireMember(request.groupId()).groupId();
                return new Target(groupId, request.targetId());
            }
            default -> {
                access.requireVisible(request.targetId());
                return new Target(null, null);
            }
        }
    }

    /**
     * Puts a post the service itself held or flagged into the moderators' queue (held for care, held or flagged by a
     * keyword rule). Once per post and source while open. Runs in the transaction that saved the post.
     */
    void onPostScreened(@Observes PostScreened e) {
        if (e.heldForCare()) {
            raise(e.groupId(), e.postId(), e.authorId(), ReportSource.SAFETY_CHECK, ReportReason.WELLBEING_CONCERN,
                    e.checkFailed()
                            ? "The safety check could not run, so the post is held until a moderator has read it"
                            : "The safety check found signs that the author may be in immediate danger");
        } else if (e.concern()) {
            // Care fails safe: distress short of URGENT is published, and a moderator still looks in on the author.
            raise(e.groupId(), e.postId(), e.authorId(), ReportSource.SAFETY_CHECK, ReportReason.WELLBEING_CONCERN,
                    "The safety check found signs of distress (CONCERN); the post is published and its author was "
                            + "shown crisis lines");
        }
        if (e.ruleId() != null) {
            raise(e.groupId(), e.postId(), e.authorId(), ReportSource.KEYWORD_RULE, ReportReason.OTHER,
                    "Contains the watched phrase \"" + e.phrase() + "\" (" + e.ruleAction() + ")");
        }
    }

    private void raise(UUID groupId, UUID postId, UUID authorId, ReportSource source, ReportReason reason,
            String details) {
        if (reports.openBySystem(ReportTarget.POST, postId, source).isEmpty()) {
            Report report = Report.file(groupId, ReportTarget.POST, postId, authorId, null, source, reason, details,
                    clock.instant());
            reports.persist(report);
            events.fire(new ReportFiled(report.id(), groupId, ReportTarget.POST, postId, source, reason));
        }
    }

    @Transactional
    public Versioned<ReportResponse> get(UUID reportId) {
        UUID me = currentUser.requireAccountId();
        Report report = reports.findByIdOptional(reportId).orElseThrow(ReportService::notFound);
        if (me.equals(report.reporterId())) {
            return Versioned.of(toReporterResponse(report), report.version());
        }
        requireHandler(report, me);
        return Versioned.of(toResponse(report), report.version());
    }

    /**
     * The caller may handle this report: a moderator of its group (but never of a report about themself), or a
     * platform admin. Others get 404, as if it did not exist. Returns the caller's standing in the report's group
     * (null for platform reports).
     */
    GroupContext requireHandler(Report report, UUID me) {
        if (me.equals(report.targetAccountId()) && !currentUser.isAdmin()) {
            throw notFound();
        }
        if (report.groupId() == null) {
            if (!currentUser.isAdmin()) {
                throw notFound();
            }
            return null;
        }
        try {
            return access.requireModerator(report.groupId());
        } catch (ForbiddenException e) {
            throw notFound();
        }
    }

    /** A report as the moderators handling it see it. */
    static ReportResponse toResponse(Report r) {
        return new ReportResponse(r.id(), r.targetType(), r.targetId(), r.reason(), r.details(), r.status(),
                r.resolution(), actionTaken(r), r.createdAt(), r.updatedAt());
    }

    /**
     * A report as the member who filed it sees it: of a report about a post, only post-level outcomes; an action
     * against the author's account shows as "action taken", or the outcome would name an anonymous author (I5).
     */
    static ReportResponse toReporterResponse(Report r) {
        boolean accountLevel = r.resolution() == ReportAction.WARN || r.resolution() == ReportAction.BAN_MEMBER
                || r.resolution() == ReportAction.SUSPEND_ACCOUNT;
        ReportAction shown = r.targetType() == ReportTarget.POST && accountLevel ? null : r.resolution();
        return new ReportResponse(r.id(), r.targetType(), r.targetId(), r.reason(), r.details(), r.status(), shown,
                actionTaken(r), r.createdAt(), r.updatedAt());
    }

    private static boolean actionTaken(Report r) {
        return r.status() == ReportStatus.RESOLVED && r.resolution() != null && r.resolution() != ReportAction.NONE;
    }

    static NotFoundException notFound() {
        return new NotFoundException("No such report");
    }
}

package org.kindred.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.kindred.accounts.AccountService;
import org.kindred.accounts.AccountSummary;
import org.kindred.groups.GroupAccess;
import org.kindred.groups.GroupContext;
import org.kindred.groups.MembershipService;
import org.kindred.groups.api.AccountRef;
import org.kindred.moderation.api.CreateReportRequest;
import org.kindred.moderation.api.ModerationLogEntryResponse;
import org.kindred.moderation.api.QueueItemResponse;
import org.kindred.moderation.api.ReportResponse;
import org.kindred.moderation.api.ResolveReportRequest;
import org.kindred.moderation.api.WarningResponse;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.ConflictException;
import org.kindred.platform.error.ForbiddenException;
import org.kindred.platform.error.NotFoundException;
import org.kindred.platform.paging.CursorCodec;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.security.CurrentUser;
import org.kindred.posts.PostService;
import org.kindred.posts.PostStatus;
import org.kindred.posts.api.PostResponse;
import org.kindred.privacy.ErasureService;

/**
 * Reports, the moderators' queue, resolutions with their actions, warnings and the moderation log.
 * <ul>
 * <li>Reporters are never named to anyone but themselves; a report about a moderator is not shown to that moderator.</li>
 * <li>A post reported by {@code kindred.moderation.auto-hide-reports} distinct members is hidden until reviewed.</li>
 * <li>Resolving closes every open report of the same target and applies the action in the same transaction.</li>
 * </ul>
 */
@ApplicationScoped
public class ModerationService {

    /** A filed report and whether it was new (201) or merged into the member's earlier one (200). */
    public record Filed(boolean created, ReportResponse report) {
    }

    private final ReportRepository reports;
    private final WarningRepository warnings;
    private final ModerationJournal journal;
    private final PostService posts;
    private final GroupAccess access;
    private final MembershipService memberships;
    private final AccountService accounts;
    private final ModerationConfig config;
    private final CursorCodec cursors;
    private final ErasureService erasure;
    private final CurrentUser currentUser;
    private final Clock clock;

    public ModerationService(ReportRepository reports, WarningRepository warnings, ModerationJournal journal,
            PostService posts,
            GroupAccess access, MembershipService memberships, AccountService accounts, ModerationConfig config,
            CursorCodec cursors, ErasureService erasure, CurrentUser currentUser, Clock clock) {
        this.erasure = erasure;
        this.reports = reports;
        this.warnings = warnings;
        this.journal = journal;
        this.posts = posts;
        this.access = access;
        this.memberships = memberships;
        this.accounts = accounts;
        this.config = config;
        this.cursors = cursors;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional
    public Filed file(CreateReportRequest request) {
        UUID me = currentUser.requireAccountId();
        Instant now = clock.instant();
        UUID groupId;
        UUID targetAccount;
        switch (request.targetType()) {
            case POST -> {
                PostResponse post = posts.get(request.targetId()).body(); // 404 unless the reporter can see it
                PostService.PostFacts facts = posts.facts(post.id()).orElseThrow();
                if (facts.authorId().equals(me)) {
                    throw new BadRequestException("targetId",
                            "you cannot report your own post; delete or edit it instead");
                }
                groupId = facts.groupId();
                targetAccount = facts.authorId();
            }
            case ACCOUNT -> {
                if (request.targetId().equals(me)) {
                    throw new BadRequestException("targetId", "you cannot report yourself");
                }
                accounts.summary(request.targetId()).orElseThrow(() -> new NotFoundException("No such account"));
                groupId = request.groupId() == null
                        ? null
                        : access.requireMember(request.groupId().toString()).groupId();
                targetAccount = request.targetId();
            }
            default -> {
                access.requireVisible(request.targetId());
                groupId = null;
                targetAccount = null;
            }
        }
        String details = request.details() == null || request.details().isBlank() ? null : request.details().strip();
        var existing = reports.openByMember(request.targetType(), request.targetId(), me);
        if (existing.isPresent()) {
            existing.get().merge(request.reason(), details, now);
            return new Filed(false, toResponse(existing.get()));
        }
        Report report = Report.file(groupId, request.targetType(), request.targetId(), targetAccount, me,
                ReportSource.MEMBER,
                request.reason(), details, now);
        reports.persist(report);
        reports.flush();
        if (request.targetType() == ReportTarget.POST) {
            long reporters = reports.distinctOpenReporters(ReportTarget.POST, request.targetId());
            if (reporters >= config.autoHideReports() && posts.hideReported(request.targetId())) {
                journal.record(groupId, null, ModerationAction.POST_AUTO_HIDDEN, ModerationEntry.TargetType.POST,
                        request.targetId(), null, Map.of("reports", reporters));
            }
        }
        return new Filed(true, toResponse(report));
    }

    /**
     * Puts a post the service itself held or flagged into the moderators' queue (held for care, held or flagged by a
     * keyword rule). Once per post and source while open. Runs in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void raise(UUID groupId, UUID postId, UUID authorId, ReportSource source, ReportReason reason,
            String details) {
        if (reports.openBySystem(ReportTarget.POST, postId, source).isEmpty()) {
            reports.persist(Report.file(groupId, ReportTarget.POST, postId, authorId, null, source, reason, details,
                    clock.instant()));
        }
    }

    @Transactional
    public ReportResponse get(UUID reportId) {
        UUID me = currentUser.requireAccountId();
        Report report = reports.findByIdOptional(reportId).orElseThrow(ModerationService::notFound);
        if (!me.equals(report.reporterId())) {
            requireHandler(report, me);
        }
        return toResponse(report);
    }

    @Transactional
    public Page<QueueItemResponse> groupQueue(String groupRef, ReportStatus status, PageParams page) {
        GroupContext context = access.requireModerator(groupRef);
        return queue(context.groupId(), context, status, page);
    }

    @Transactional
    public Page<QueueItemResponse> platformQueue(ReportStatus status, PageParams page) {
        if (!currentUser.isAdmin()) {
            throw new ForbiddenException("admins-only", "Admins only",
                    "Only platform admins handle account and group reports");
        }
        return queue(null, null, status, page);
    }

    private Page<QueueItemResponse> queue(UUID groupId, GroupContext context, ReportStatus status, PageParams page) {
        UUID me = currentUser.requireAccountId();
        boolean open = status == null || status == ReportStatus.OPEN;
        String scope = "reports|" + groupId + "|" + (open ? "open" : "closed");
        ReportRepository.QueuePosition after = null;
        if (page.cursor != null) {
            List<String> v = cursors.decode(scope, page.cursor, 4);
            after = new ReportRepository.QueuePosition(Integer.parseInt(v.get(0)), Integer.parseInt(v.get(1)),
                    Instant.parse(v.get(2)), UUID.fromString(v.get(3)));
        }
        List<ReportRepository.QueueRow> rows = open
                ? reports.openQueue(groupId, me, after, page.limit + 1)
                : reports.closedQueue(groupId, after, page.limit + 1);
        boolean more = rows.size() > page.limit;
        List<ReportRepository.QueueRow> shown = more ? rows.subList(0, page.limit) : rows;
        Map<UUID, PostResponse> postViews = context == null
                ? Map.of()
                : posts.moderatorViews(shown.stream().filter(r -> r.targetType() == ReportTarget.POST)
                        .map(ReportRepository.QueueRow::targetId).toList(), context);
        Map<UUID, AccountSummary> people = accounts.summaries(shown.stream()
                .filter(r -> r.targetType() == ReportTarget.ACCOUNT).map(ReportRepository.QueueRow::targetId).toList());
        List<QueueItemResponse> items = new ArrayList<>();
        for (ReportRepository.QueueRow row : shown) {
            AccountSummary person = people.get(row.targetId());
            items.add(new QueueItemResponse(row.firstReportId(), row.targetType(), row.targetId(), row.priority(),
                    row.memberReports(), row.reasons().stream().map(ReportReason::valueOf).toList(),
                    row.sources().stream().map(ReportSource::valueOf).toList(), row.details(), row.firstReportedAt(),
                    row.lastReportedAt(), ReportStatus.valueOf(row.status()),
                    row.resolution() == null ? null : ReportAction.valueOf(row.resolution()), row.resolvedAt(),
                    postViews.get(row.targetId()),
                    person == null ? null : new AccountRef(person.id(), person.handle(), person.displayName())));
        }
        String next = null;
        if (more) {
            ReportRepository.QueueRow last = shown.get(shown.size() - 1);
            Instant at = open ? last.firstReportedAt() : last.resolvedAt();
            next = cursors.encode(scope,
                    List.of(Integer.toString(last.priority()), Integer.toString(last.memberReports()),
                            at.toString(), last.targetId().toString()));
        }
        return Page.of(items, next);
    }

    @Transactional
    public ReportResponse resolve(UUID reportId, ResolveReportRequest request) {
        UUID me = currentUser.requireAccountId();
        Report report = reports.findByIdOptional(reportId).orElseThrow(ModerationService::notFound);
        GroupContext context = requireHandler(report, me);
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
        List<Report> open = reports.openForTargetForUpdate(report.targetType(), report.targetId());
        UUID groupId = report.groupId();
        if (dismissed) {
            if (report.targetType() == ReportTarget.POST) {
                releaseIfHeld(report, me);
            }
            if (groupId != null) {
                journal.recordForModerators(groupId, me, ModerationAction.REPORTS_DISMISSED,
                        entryTarget(report.targetType()),
                        report.targetId(), request.note(), Map.of("reports", open.size()));
            }
        } else {
            apply(action, report, context, me, request);
        }
        Instant now = clock.instant();
        ReportStatus status = dismissed ? ReportStatus.DISMISSED : ReportStatus.RESOLVED;
        for (Report r : open) {
            r.close(status, action, request.note(), me, now);
        }
        if (report.targetType() == ReportTarget.POST) {
            erasure.afterReview(report.targetId());
        }
        return toResponse(report);
    }

    private void apply(ReportAction action, Report report, GroupContext context, UUID me,
            ResolveReportRequest request) {
        UUID groupId = report.groupId();
        boolean post = report.targetType() == ReportTarget.POST;
        switch (action) {
            case NONE -> {
            }
            case HIDE_POST -> {
                requirePost(post, action);
                PostStatus before = posts.applyModeratorAction(report.targetId(), PostService.ModeratorAction.HIDE);
                log(groupId, me, before, ModerationAction.POST_HIDDEN, report, request.reason());
            }
            case RESTORE_POST -> {
                requirePost(post, action);
                releaseIfHeld(report, me);
            }
            case REMOVE_POST -> {
                requirePost(post, action);
                PostStatus before = posts.applyModeratorAction(report.targetId(), PostService.ModeratorAction.REMOVE);
                log(groupId, me, before, ModerationAction.POST_REMOVED, report, request.reason());
            }
            case LOCK_THREAD -> {
                requirePost(post, action);
                posts.applyModeratorAction(report.targetId(), PostService.ModeratorAction.LOCK);
                journal.record(groupId, me, ModerationAction.THREAD_LOCKED, ModerationEntry.TargetType.POST,
                        report.targetId(),
                        request.reason(), Map.of());
            }
            case WARN -> {
                UUID account = accountOf(report, action);
                if (groupId == null) {
                    throw new BadRequestException("action",
                            "WARN needs a group; suspend the account or take no action");
                }
                if (request.reason() == null || request.reason().isBlank()) {
                    throw new BadRequestException("reason", "is required with WARN: the member sees it");
                }
                warnings.persist(
                        Warning.issue(groupId, account, post ? report.targetId() : null, request.reason().strip(), me,
                                clock.instant()));
                journal.record(groupId, me, ModerationAction.MEMBER_WARNED, ModerationEntry.TargetType.ACCOUNT, account,
                        request.reason(), Map.of());
            }
            case BAN_MEMBER -> {
                UUID account = accountOf(report, action);
                if (groupId == null) {
                    throw new BadRequestException("action", "BAN_MEMBER needs a group; suspend the account instead");
                }
                memberships.banFromReport(groupId, me, account, request.bannedUntil(), request.reason());
            }
            case SUSPEND_ACCOUNT -> {
                if (!currentUser.isAdmin()) {
                    throw new ForbiddenException("admins-only", "Admins only", "Only platform admins suspend accounts");
                }
                UUID account = accountOf(report, action);
                accounts.suspend(account);
                if (groupId != null) {
                    journal.record(groupId, me, ModerationAction.ACCOUNT_SUSPENDED, ModerationEntry.TargetType.ACCOUNT,
                            account,
                            request.reason(), Map.of());
                }
            }
        }
        if (context == null && groupId != null) {
            throw new IllegalStateException("group report resolved without a group context");
        }
    }

    /** Publishes a post that reports hid, care held or a keyword rule held; logs it the way its state requires. */
    private void releaseIfHeld(Report report, UUID me) {
        PostStatus status = posts.facts(report.targetId()).map(PostService.PostFacts::status)
                .orElse(PostStatus.REMOVED);
        if (status == PostStatus.HIDDEN || status == PostStatus.HELD_FOR_CARE
                || status == PostStatus.PENDING_APPROVAL) {
            PostStatus before = posts.applyModeratorAction(report.targetId(), PostService.ModeratorAction.RESTORE);
            ModerationAction action = switch (before) {
                case HELD_FOR_CARE -> ModerationAction.POST_RELEASED_FROM_CARE;
                case PENDING_APPROVAL -> ModerationAction.POST_APPROVED;
                default -> ModerationAction.POST_RESTORED;
            };
            log(report.groupId(), me, before, action, report, null);
        }
    }

    /** Anything about a post held for care stays among moderators: members never learn it was held. */
    private void log(UUID groupId, UUID me, PostStatus before, ModerationAction action, Report report, String reason) {
        if (before == PostStatus.HELD_FOR_CARE) {
            journal.recordForModerators(groupId, me, action, ModerationEntry.TargetType.POST, report.targetId(), reason,
                    Map.of());
        } else {
            journal.record(groupId, me, action, ModerationEntry.TargetType.POST, report.targetId(), reason, Map.of());
        }
    }

    @Transactional
    public Page<ModerationLogEntryResponse> log(String groupRef, PageParams page) {
        GroupContext context = access.requireMember(groupRef);
        boolean moderator = context.canModerate();
        String scope = "modlog|" + context.groupId() + "|" + moderator;
        Instant before = null;
        UUID beforeId = null;
        if (page.cursor != null) {
            List<String> v = cursors.decode(scope, page.cursor, 2);
            before = Instant.parse(v.get(0));
            beforeId = UUID.fromString(v.get(1));
        }
        List<ModerationEntry> rows = journal.page(context.groupId(), moderator, before, beforeId, page.limit + 1);
        boolean more = rows.size() > page.limit;
        List<ModerationEntry> shown = more ? rows.subList(0, page.limit) : rows;
        Map<UUID, AccountSummary> people = Map.of();
        if (moderator) {
            List<UUID> ids = new ArrayList<>();
            for (ModerationEntry e : shown) {
                if (e.actorId() != null) {
                    ids.add(e.actorId());
                }
                if (e.targetType() == ModerationEntry.TargetType.ACCOUNT && e.targetId() != null) {
                    ids.add(e.targetId());
                }
            }
            people = accounts.summaries(ids);
        }
        List<ModerationLogEntryResponse> items = new ArrayList<>();
        for (ModerationEntry e : shown) {
            boolean accountTarget = e.targetType() == ModerationEntry.TargetType.ACCOUNT;
            String actor = e.actorId() == null
                    ? "system"
                    : moderator ? handleOf(people, e.actorId()) : "moderator";
            items.add(new ModerationLogEntryResponse(e.id(), e.action(), actor, e.targetType().name(),
                    accountTarget && !moderator ? null : e.targetId(),
                    accountTarget && moderator ? handleOf(people, e.targetId()) : null, e.reason(), e.createdAt()));
        }
        String next = more
                ? cursors.encode(scope, List.of(shown.get(shown.size() - 1).createdAt().toString(),
                        shown.get(shown.size() - 1).id().toString()))
                : null;
        return Page.of(items, next);
    }

    @Transactional
    public Page<WarningResponse> myWarnings(PageParams page) {
        UUID me = currentUser.requireAccountId();
        String scope = "warnings|" + me;
        Instant before = null;
        UUID beforeId = null;
        if (page.cursor != null) {
            List<String> v = cursors.decode(scope, page.cursor, 2);
            before = Instant.parse(v.get(0));
            beforeId = UUID.fromString(v.get(1));
        }
        List<Warning> rows = warnings.page(me, before, beforeId, page.limit + 1);
        boolean more = rows.size() > page.limit;
        List<Warning> shown = more ? rows.subList(0, page.limit) : rows;
        String next = more
                ? cursors.encode(scope, List.of(shown.get(shown.size() - 1).createdAt().toString(),
                        shown.get(shown.size() - 1).id().toString()))
                : null;
        return Page.of(
                shown.stream().map(w -> new WarningResponse(w.id(), w.groupId(), w.postId(), w.reason(), w.createdAt()))
                        .toList(),
                next);
    }

    /**
     * The caller may handle this report: a moderator of its group (but never of a report about themself), or a
     * platform admin. Others get 404, as if it did not exist.
     */
    private GroupContext requireHandler(Report report, UUID me) {
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
            return access.requireModerator(report.groupId().toString());
        } catch (ForbiddenException e) {
            throw notFound();
        }
    }

    private static String handleOf(Map<UUID, AccountSummary> people, UUID id) {
        AccountSummary person = people.get(id);
        return person == null ? null : person.handle();
    }

    private UUID accountOf(Report report, ReportAction action) {
        if (report.targetAccountId() == null) {
            throw new BadRequestException("action", action + " needs a post or an account as the target");
        }
        return report.targetAccountId();
    }

    private static void requirePost(boolean post, ReportAction action) {
        if (!post) {
            throw new BadRequestException("action", action + " applies to reported posts only");
        }
    }

    private static ModerationEntry.TargetType entryTarget(ReportTarget target) {
        return ModerationEntry.TargetType.valueOf(target.name());
    }

    private static ReportResponse toResponse(Report r) {
        return new ReportResponse(r.id(), r.targetType(), r.targetId(), r.reason(), r.details(), r.status(),
                r.resolution(),
                r.createdAt(), r.updatedAt());
    }

    private static NotFoundException notFound() {
        return new NotFoundException("No such report");
    }

}

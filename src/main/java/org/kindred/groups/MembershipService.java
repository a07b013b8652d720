package org.kindred.groups;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.kindred.accounts.AccountService;
import org.kindred.accounts.AccountSummary;
import org.kindred.groups.api.AccountRef;
import org.kindred.groups.api.CreateInviteRequest;
import org.kindred.groups.api.InviteResponse;
import org.kindred.groups.api.JoinRequest;
import org.kindred.groups.api.MemberResponse;
import org.kindred.groups.api.MyGroupMembershipResponse;
import org.kindred.groups.api.MyMembershipResponse;
import org.kindred.groups.api.UpdateMemberRequest;
import org.kindred.moderation.ModerationAction;
import org.kindred.moderation.ModerationEntry;
import org.kindred.moderation.ModerationJournal;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.ConflictException;
import org.kindred.platform.error.ForbiddenException;
import org.kindred.platform.error.NotFoundException;
import org.kindred.platform.paging.CursorCodec;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.security.CurrentUser;

/**
 * Joining, leaving, moderation decisions on memberships, roles, invites and rules acceptance. Every decision that
 * matters for moderation is written to the moderation log in the same transaction.
 */
@ApplicationScoped
public class MembershipService {

    static final String INVITE_PREFIX = "kinv_";
    static final Duration DEFAULT_INVITE_LIFETIME = Duration.ofDays(7);
    static final Duration MAX_INVITE_LIFETIME = Duration.ofDays(30);

    /** The outcome of a join: 200 when the membership already existed, 201 when active, 202 when pending. */
    public record JoinResult(int status, MemberResponse membership) {
    }

    private final MembershipRepository memberships;
    private final GroupInviteRepository invites;
    private final GroupService groups;
    private final GroupAccess access;
    private final AccountService accounts;
    private final ModerationJournal journal;
    private final CursorCodec cursors;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public MembershipService(MembershipRepository memberships, GroupInviteRepository invites, GroupService groups,
            GroupAccess access, AccountService accounts, ModerationJournal journal, CursorCodec cursors,
            CurrentUser currentUser, Clock clock) {
        this.memberships = memberships;
        this.invites = invites;
        this.groups = groups;
        this.access = access;
        this.accounts = accounts;
        this.journal = journal;
        this.cursors = cursors;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Makes the creator of a new group its owner. Runs in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addOwner(UUID groupId, UUID accountId, int rulesVersion) {
        memberships.insertIfAbsent(groupId, accountId, MembershipRole.OWNER, MembershipStatus.ACTIVE, rulesVersion,
                null,
                clock.instant());
    }

    @Transactional
    public MyMembershipResponse myMembership(UUID groupId, UUID accountId, int rulesVersion) {
        return toMine(memberships.find(groupId, accountId).orElse(null), rulesVersion, clock.instant());
    }

    /** The account's memberships in the given groups (group id to its current rules version), in one query. */
    @Transactional
    public Map<UUID, MyMembershipResponse> myMemberships(UUID accountId, Map<UUID, Integer> rulesVersions) {
        Instant now = clock.instant();
        Map<UUID, MyMembershipResponse> result = new HashMap<>();
        memberships.forAccountIn(accountId, rulesVersions.keySet())
                .forEach((groupId, m) -> result.put(groupId, toMine(m, rulesVersions.get(groupId), now)));
        return result;
    }

    @Transactional
    public JoinResult join(String groupRef, JoinRequest request) {
        UUID caller = currentUser.requireAccountId();
        Instant now = clock.instant();
        GroupFacts group = groups.facts(groupRef).orElseThrow(() -> new NotFoundException("No such group"));
        Optional<Membership> existing = memberships.findForUpdate(group.id(), caller);
        boolean knowsGroup = group.visibility() != Visibility.HIDDEN || currentUser.isAdmin()
                || existing.filter(m -> m.isActive() || m.isBanned(now)).isPresent();
        GroupInvite invite = null;
        if (request.inviteCode() != null) {
            invite = invites.findByCodeForUpdate(hash(request.inviteCode()))
                    .filter(i -> i.groupId().equals(group.id()) && i.usable(now)).orElse(null);
            if (invite == null) {
                if (!knowsGroup) {
                    throw new NotFoundException("No such group");
                }
                throw new BadRequestException("inviteCode", "is not valid for this group, has expired or is used up");
            }
        } else if (!knowsGroup) {
            throw new NotFoundException("No such group");
        }
        if (existing.isPresent()) {
            Membership m = existing.get();
            if (m.isActive()) {
                return new JoinResult(200, toMember(m, true));
            }
            if (m.status() == MembershipStatus.PENDING && invite == null) {
                return new JoinResult(202, toMember(m, true));
            }
            if (m.isBanned(now)) {
                throw new ForbiddenException("banned", "Banned from this group",
                        m.bannedUntil() == null
                                ? "You are banned from this group"
                                : "You are banned from this group until " + m.bannedUntil());
            }
        }
        if (group.archived()) {
            throw new ConflictException("group-archived", "Group archived", "This group is archived and read-only");
        }
        if (request.acceptRulesVersion() != group.rulesVersion()) {
            throw GroupAccess.rulesOutdated(group.rulesVersion(), group.rules());
        }
        boolean active = invite != null || group.visibility() == Visibility.PUBLIC || currentUser.isAdmin();
        MembershipStatus status = active ? MembershipStatus.ACTIVE : MembershipStatus.PENDING;
        String message = blankToNull(request.message());
        if (existing.isPresent()) {
            existing.get().rejoin(status, group.rulesVersion(), message, now);
        } else if (!memberships.insertIfAbsent(group.id(), caller, MembershipRole.MEMBER, status, group.rulesVersion(),
                message, now)) {
            // A concurrent request by the same account created it first: answer as for a repeated join.
            Membership raced = memberships.find(group.id(), caller).orElseThrow();
            return new JoinResult(raced.isActive() ? 200 : 202, toMember(raced, true));
        }
        if (invite != null) {
            invite.use();
        }
        memberships.flush();
        Membership saved = memberships.find(group.id(), caller).orElseThrow();
        memberships.getEntityManager().refresh(saved);
        return new JoinResult(active ? 201 : 202, toMember(saved, true));
    }

    @Transactional
    public MyMembershipResponse acceptRules(String groupRef, int version) {
        GroupContext context = access.requireMember(groupRef);
        if (version != context.rulesVersion()) {
            throw GroupAccess.rulesOutdated(context.rulesVersion(), context.rules());
        }
        Membership m = memberships.findForUpdate(context.groupId(), currentUser.requireAccountId())
                .orElseThrow(() -> new ForbiddenException("not-a-member", "Members only",
                        "Only members can accept the rules"));
        m.acceptRules(version);
        return toMine(m, context.rulesVersion(), clock.instant());
    }

    @Transactional
    public Page<MemberResponse> list(String groupRef, MembershipStatus status, PageParams page) {
        GroupContext context = access.requireMember(groupRef);
        MembershipStatus wanted = status == null ? MembershipStatus.ACTIVE : status;
        if (wanted != MembershipStatus.ACTIVE && !context.canModerate()) {
            throw new ForbiddenException("not-a-moderator", "Moderators only",
                    "Only moderators can list pending, denied or banned memberships");
        }
        String scope = "members|" + context.groupId() + "|" + wanted;
        CursorCodec.Keyset keyset = cursors.decodeKeyset(scope, page.cursor);
        Instant after = keyset == null ? null : keyset.at();
        UUID afterAccount = keyset == null ? null : keyset.id();
        List<Membership> rows = memberships.page(context.groupId(), wanted, after, afterAccount, page.limit + 1);
        boolean more = rows.size() > page.limit;
        List<Membership> shown = more ? rows.subList(0, page.limit) : rows;
        Map<UUID, AccountSummary> people = accounts.summaries(shown.stream().map(Membership::accountId).toList());
        UUID caller = currentUser.requireAccountId();
        List<MemberResponse> items = new ArrayList<>();
        for (Membership m : shown) {
            items.add(toMember(m, people.get(m.accountId()), context.canModerate() || m.accountId().equals(caller)));
        }
        String next = null;
        if (more) {
            Membership last = shown.get(shown.size() - 1);
            next = cursors.encode(scope, List.of(last.requestedAt().toString(), last.accountId().toString()));
        }
        return Page.of(items, next);
    }

    @Transactional
    public MemberResponse decide(String groupRef, UUID accountId, UpdateMemberRequest request) {
        GroupContext context = access.requireModerator(groupRef);
        UUID actor = currentUser.requireAccountId();
        if (request.status() == null && request.role() == null) {
            throw new BadRequestException("status", "send a status or a role to change");
        }
        if (request.bannedUntil() != null && request.status() != UpdateMemberRequest.DecisionStatus.BANNED) {
            throw new BadRequestException("bannedUntil", "only goes with status BANNED");
        }
        Instant now = clock.instant();
        memberships.lockDecisions(context.groupId());
        Membership target = memberships.findForUpdate(context.groupId(), accountId)
                .orElseThrow(() -> new NotFoundException("This account is not in the group"));
        boolean actorIsOwner = context.isOwner();
        if (!actorIsOwner && target.role().moderates() && !accountId.equals(actor)) {
            throw new ForbiddenException("not-an-owner", "Owners only", "Only owners can act on moderators and owners");
        }
        if (request.status() != null) {
            if (accountId.equals(actor)) {
                throw new ConflictException("own-membership", "Not on yourself",
                        "You cannot approve, deny or ban yourself; leave the group instead");
            }
            applyStatus(context.groupId(), actor, target, request, now);
        }
        if (request.role() != null && request.role() != target.role()) {
            if (!actorIsOwner) {
                throw new ForbiddenException("not-an-owner", "Owners only", "Only owners can grant or remove roles");
            }
            if (!target.isActive()) {
                throw new ConflictException("not-active", "Not an active member",
                        "Only active members can have a role");
            }
            if (target.role() == MembershipRole.OWNER) {
                requireAnotherOwner(context.groupId(), accountId);
            }
            MembershipRole from = target.role();
            target.changeRole(request.role());
            journal.record(context.groupId(), actor, ModerationAction.ROLE_CHANGED, ModerationEntry.TargetType.ACCOUNT,
                    accountId, request.reason(), Map.of("from", from.name(), "to", request.role().name()));
        }
        memberships.flush();
        return toMember(target, true);
    }

    private void applyStatus(UUID groupId, UUID actor, Membership target, UpdateMemberRequest request, Instant now) {
        switch (request.status()) {
            case ACTIVE -> {
                if (target.status() == MembershipStatus.PENDING) {
                    target.approve(actor, now);
                    log(groupId, actor, ModerationAction.MEMBER_APPROVED, target, request.reason(), Map.of());
                } else if (target.status() == MembershipStatus.BANNED) {
                    target.unban(actor, request.reason(), now);
                    log(groupId, actor, ModerationAction.MEMBER_UNBANNED, target, request.reason(), Map.of());
                } else {
                    throw new ConflictException("not-pending", "Nothing to approve",
                            "Only a pending request can be approved, or a ban lifted; this membership is "
                                    + target.status());
                }
            }
            case DENIED -> {
                if (target.status() != MembershipStatus.PENDING) {
                    throw new ConflictException("not-pending", "Nothing to deny",
                            "Only a pending request can be denied; this membership is " + target.status());
                }
                target.deny(actor, request.reason(), now);
                log(groupId, actor, ModerationAction.MEMBER_DENIED, target, request.reason(), Map.of());
            }
            case BANNED -> {
                if (target.role() == MembershipRole.OWNER && target.isActive()) {
                    throw new ConflictException("owner-protected", "Owners cannot be banned",
                            "An owner cannot be banned; an owner must step down first");
                }
                if (request.bannedUntil() != null && !request.bannedUntil().isAfter(now)) {
                    throw new BadRequestException("bannedUntil", "must be in the future");
                }
                target.ban(actor, request.bannedUntil(), request.reason(), now);
                Map<String, Object> details = new HashMap<>();
                if (request.bannedUntil() != null) {
                    details.put("bannedUntil", request.bannedUntil().toString());
                }
                log(groupId, actor, ModerationAction.MEMBER_BANNED, target, request.reason(), details);
            }
        }
    }

    /**
     * Bans an account from a group as the outcome of a report, in the caller's transaction: the moderator's rights were
     * checked by the caller. An owner cannot be banned (409). Someone who is not in the group is banned all the same, so
     * they cannot join.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void banFromReport(UUID groupId, UUID actor, UUID accountId, Instant until, String reason) {
        Instant now = clock.instant();
        if (until != null && !until.isAfter(now)) {
            throw new BadRequestException("bannedUntil", "must be in the future");
        }
        memberships.lockDecisions(groupId);
        Membership target = memberships.findForUpdate(groupId, accountId).orElse(null);
        if (target == null) {
            memberships.insertIfAbsent(groupId, accountId, MembershipRole.MEMBER, MembershipStatus.BANNED, 0, null,
                    now);
            memberships.flush();
            target = memberships.findForUpdate(groupId, accountId).orElseThrow();
        }
        if (target.role() == MembershipRole.OWNER && target.isActive()) {
            throw new ConflictException("owner-protected", "Owners cannot be banned",
                    "An owner cannot be banned; an owner must step down first");
        }
        target.ban(actor, until, reason, now);
        Map<String, Object> details = new HashMap<>();
        if (until != null) {
            details.put("bannedUntil", until.toString());
        }
        log(groupId, actor, ModerationAction.MEMBER_BANNED, target, reason, details);
    }

    /** Leaving (yourself) or removing someone (moderators). */
    @Transactional
    public void remove(String groupRef, UUID accountId, String reason) {
        UUID caller = currentUser.requireAccountId();
        Instant now = clock.instant();
        if (accountId.equals(caller)) {
            GroupContext context = access.requireVisible(groupRef);
            memberships.lockDecisions(context.groupId());
            Membership m = memberships.findForUpdate(context.groupId(), caller)
                    .orElseThrow(() -> new NotFoundException("You are not in this group"));
            if (m.isBanned(now) || m.status() == MembershipStatus.BANNED) {
                throw new ConflictException("banned", "Banned",
                        "A ban stays in place when you leave; it cannot be removed this way");
            }
            if (m.role() == MembershipRole.OWNER && m.isActive()) {
                requireAnotherOwner(context.groupId(), caller);
            }
            memberships.delete(m);
            return;
        }
        GroupContext context = access.requireModerator(groupRef);
        memberships.lockDecisions(context.groupId());
        Membership target = memberships.findForUpdate(context.groupId(), accountId)
                .orElseThrow(() -> new NotFoundException("This account is not in the group"));
        if (target.role() == MembershipRole.OWNER && target.isActive()) {
            throw new ConflictException("owner-protected", "Owners cannot be removed",
                    "An owner cannot be removed; an owner must step down first");
        }
        if (target.role() == MembershipRole.MODERATOR && !context.isOwner()) {
            throw new ForbiddenException("not-an-owner", "Owners only", "Only owners can remove moderators");
        }
        if (target.status() == MembershipStatus.BANNED) {
            throw new ConflictException("banned", "Banned", "Lift the ban (status ACTIVE) instead of removing it");
        }
        log(context.groupId(), caller, ModerationAction.MEMBER_REMOVED, target, reason, Map.of());
        memberships.delete(target);
    }

    @Transactional
    public Page<MyGroupMembershipResponse> mine(PageParams page) {
        UUID caller = currentUser.requireAccountId();
        String scope = "my-memberships|" + caller;
        CursorCodec.Keyset keyset = cursors.decodeKeyset(scope, page.cursor);
        Instant before = keyset == null ? null : keyset.at();
        UUID beforeGroup = keyset == null ? null : keyset.id();
        List<Membership> rows = memberships.pageForAccount(caller, before, beforeGroup, page.limit + 1);
        boolean more = rows.size() > page.limit;
        List<Membership> shown = more ? rows.subList(0, page.limit) : rows;
        Map<UUID, GroupFacts> facts = groups.facts(shown.stream().map(Membership::groupId).toList());
        List<MyGroupMembershipResponse> items = new ArrayList<>();
        for (Membership m : shown) {
            GroupFacts g = facts.get(m.groupId());
            items.add(new MyGroupMembershipResponse(
                    new MyGroupMembershipResponse.GroupRef(g.id(), g.slug(), g.name(), g.visibility(), g.archived()),
                    m.role(), m.status(), m.rulesVersionAccepted(), m.rulesVersionAccepted() >= g.rulesVersion(),
                    m.requestedAt(), m.joinedAt(), m.decisionReason(), m.bannedUntil()));
        }
        String next = null;
        if (more) {
            Membership last = shown.get(shown.size() - 1);
            next = cursors.encode(scope, List.of(last.requestedAt().toString(), last.groupId().toString()));
        }
        return Page.of(items, next);
    }

    @Transactional
    public InviteResponse createInvite(String groupRef, CreateInviteRequest request) {
        GroupContext context = access.requireModerator(groupRef);
        if (context.archived()) {
            throw new ConflictException("group-archived", "Group archived", "This group is archived and read-only");
        }
        Instant now = clock.instant();
        Instant expires = request == null || request.expiresAt() == null
                ? now.plus(DEFAULT_INVITE_LIFETIME)
                : request.expiresAt();
        if (!expires.isAfter(now) || expires.isAfter(now.plus(MAX_INVITE_LIFETIME))) {
            throw new BadRequestException("expiresAt", "must be in the future and within 30 days");
        }
        int maxUses = request == null || request.maxUses() == null ? 1 : request.maxUses();
        byte[] bytes = new byte[15];
        random.nextBytes(bytes);
        String code = INVITE_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID actor = currentUser.requireAccountId();
        GroupInvite invite = GroupInvite.create(context.groupId(), hash(code), actor, expires, maxUses, now);
        invites.persist(invite);
        journal.record(context.groupId(), actor, ModerationAction.INVITE_CREATED, ModerationEntry.TargetType.INVITE,
                invite.id(), null, Map.of("maxUses", maxUses, "expiresAt", expires.toString()));
        return toInvite(invite, code);
    }

    @Transactional
    public Page<InviteResponse> invites(String groupRef, PageParams page) {
        GroupContext context = access.requireModerator(groupRef);
        String scope = "invites|" + context.groupId();
        CursorCodec.Keyset keyset = cursors.decodeKeyset(scope, page.cursor);
        Instant before = keyset == null ? null : keyset.at();
        UUID beforeId = keyset == null ? null : keyset.id();
        List<GroupInvite> rows = invites.page(context.groupId(), before, beforeId, page.limit + 1);
        boolean more = rows.size() > page.limit;
        List<GroupInvite> shown = more ? rows.subList(0, page.limit) : rows;
        String next = null;
        if (more) {
            GroupInvite last = shown.get(shown.size() - 1);
            next = cursors.encode(scope, List.of(last.createdAt().toString(), last.id().toString()));
        }
        return Page.of(shown.stream().map(i -> toInvite(i, null)).toList(), next);
    }

    @Transactional
    public void revokeInvite(String groupRef, UUID inviteId) {
        GroupContext context = access.requireModerator(groupRef);
        GroupInvite invite = invites.findByIdOptional(inviteId).filter(i -> i.groupId().equals(context.groupId()))
                .orElseThrow(() -> new NotFoundException("No such invite in this group"));
        if (!invite.revoked()) {
            invite.revoke(clock.instant());
            journal.record(context.groupId(), currentUser.requireAccountId(), ModerationAction.INVITE_REVOKED,
                    ModerationEntry.TargetType.INVITE, invite.id(), null, Map.of());
        }
    }

    private void requireAnotherOwner(UUID groupId, UUID leavingOwner) {
        if (memberships.otherActiveOwners(groupId, leavingOwner) == 0) {
            throw new ConflictException("last-owner", "Last owner",
                    "The group's last owner cannot leave or step down; make another member an owner first");
        }
    }

    private void log(UUID groupId, UUID actor, ModerationAction action, Membership target, String reason,
            Map<String, Object> details) {
        journal.record(groupId, actor, action, ModerationEntry.TargetType.ACCOUNT, target.accountId(), reason, details);
    }

    private MemberResponse toMember(Membership m, boolean showPrivate) {
        return toMember(m, accounts.summaries(List.of(m.accountId())).get(m.accountId()), showPrivate);
    }

    private static MemberResponse toMember(Membership m, AccountSummary person, boolean showPrivate) {
        AccountRef ref = new AccountRef(m.accountId(), person == null ? null : person.handle(),
                person == null ? null : person.displayName());
        return new MemberResponse(ref, m.role(), m.status(), m.joinedAt(), m.requestedAt(),
                showPrivate ? m.requestMessage() : null, showPrivate ? m.decisionReason() : null,
                showPrivate ? m.bannedUntil() : null);
    }

    static MyMembershipResponse toMine(Membership m, int rulesVersion, Instant now) {
        if (m == null) {
            return null;
        }
        return new MyMembershipResponse(m.role(), m.status(), m.rulesVersionAccepted(),
                m.rulesVersionAccepted() >= rulesVersion, m.joinedAt(), m.isBanned(now) ? m.bannedUntil() : null);
    }

    private static InviteResponse toInvite(GroupInvite i, String code) {
        return new InviteResponse(i.id(), code, i.expiresAt(), i.maxUses(), i.uses(), i.revoked(), i.createdAt());
    }

    static byte[] hash(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package org.kindred.groups;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.kindred.accounts.AccountDirectory;
import org.kindred.accounts.AccountSummary;
import org.kindred.groups.api.AccountRef;
import org.kindred.groups.api.JoinRequest;
import org.kindred.groups.api.MemberResponse;
import org.kindred.groups.api.MyGroupMembershipResponse;
import org.kindred.groups.api.MyMembershipResponse;
import org.kindred.groups.events.MembershipChanged;
import org.kindred.groups.events.MembershipRequested;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.ConflictException;
import org.kindred.platform.error.ForbiddenException;
import org.kindred.platform.error.NotFoundException;
import org.kindred.platform.events.DomainEvent;
import org.kindred.platform.paging.KeysetPaging;
import org.kindred.platform.paging.KeysetPaging.TimeAndId;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.security.CurrentUser;

/**
 * Joining, leaving, removing, rules acceptance and the member lists. Moderators' decisions are in
 * {@link MembershipDecisions}, invites in {@link InviteService}; the rules of every decision live in {@link Membership}.
 */
@ApplicationScoped
public class MembershipService {

    /** The outcome of a join: 200 when the membership already existed, 201 when active, 202 when pending. */
    public record JoinResult(int status, MemberResponse membership) {
    }

    private final MembershipRepository memberships;
    private final InviteService invites;
    private final GroupRepository groups;
    private final GroupAccess access;
    private final AccountDirectory accounts;
    private final Event<DomainEvent> events;
    private final KeysetPaging paging;
    private final CurrentUser currentUser;
    private final Clock clock;

    public MembershipService(MembershipRepository memberships, InviteService invites, GroupRepository groups,
            GroupAccess access, AccountDirectory accounts, Event<DomainEvent> events, KeysetPaging paging,
            CurrentUser currentUser, Clock clock) {
        this.memberships = memberships;
        this.invites = invites;
        this.groups = groups;
        this.access = access;
        this.accounts = accounts;
        this.events = events;
        this.paging = paging;
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
        GroupInvite invite = inviteFor(group, request.inviteCode(), knowsGroup, now);
        Optional<JoinResult> again = existing.flatMap(m -> repeatedJoin(m, invite, now));
        if (again.isPresent()) {
            return again.get();
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
        if (!active) {
            events.fire(new MembershipRequested(group.id(), caller));
        }
        memberships.flush();
        Membership saved = memberships.find(group.id(), caller).orElseThrow();
        memberships.getEntityManager().refresh(saved);
        return new JoinResult(active ? 201 : 202, toMember(saved, true));
    }

    /** The usable invite the request names (null if none); a HIDDEN group the caller cannot know answers 404. */
    private GroupInvite inviteFor(GroupFacts group, String code, boolean knowsGroup, Instant now) {
        if (code == null) {
            if (!knowsGroup) {
                throw new NotFoundException("No such group");
            }
            return null;
        }
        GroupInvite invite = invites.usable(group.id(), code, now).orElse(null);
        if (invite == null) {
            if (!knowsGroup) {
                throw new NotFoundException("No such group");
            }
            throw new BadRequestException("inviteCode", "is not valid for this group, has expired or is used up");
        }
        return invite;
    }

    /** The answer to joining again while already active or waiting; a ban in force refuses. */
    private Optional<JoinResult> repeatedJoin(Membership m, GroupInvite invite, Instant now) {
        if (m.isActive()) {
            return Optional.of(new JoinResult(200, toMember(m, true)));
        }
        if (m.status() == MembershipStatus.PENDING && invite == null) {
            return Optional.of(new JoinResult(202, toMember(m, true)));
        }
        if (m.isBanned(now)) {
            throw new ForbiddenException("banned", "Banned from this group",
                    m.bannedUntil() == null
                            ? "You are banned from this group"
                            : "You are banned from this group until " + m.bannedUntil());
        }
        return Optional.empty();
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
        boolean moderator = context.canModerate();
        UUID caller = currentUser.requireAccountId();
        // A block hides each person from the other; moderators (and admins) acting as such still see everyone.
        UUID hideBlocksOf = moderator ? null : caller;
        return paging.page("members|" + context.groupId() + "|" + wanted, page, 2,
                (at, direction, limit) -> {
                    TimeAndId position = TimeAndId.of(at);
                    return memberships.page(context.groupId(), wanted, hideBlocksOf, direction, TimeAndId.at(position),
                            TimeAndId.id(position), limit);
                },
                last -> TimeAndId.key(last.requestedAt(), last.accountId()),
                rows -> {
                    Map<UUID, AccountSummary> people = accounts
                            .summaries(rows.stream().map(Membership::accountId).toList());
                    return rows.stream().map(m -> toMember(m, people.get(m.accountId()),
                            moderator || m.accountId().equals(caller))).toList();
                });
    }

    /** Leaving (yourself) or removing someone (moderators). */
    @Transactional
    public void remove(String groupRef, UUID accountId, String reason) {
        UUID caller = currentUser.requireAccountId();
        if (accountId.equals(caller)) {
            GroupContext context = access.requireVisible(groupRef);
            memberships.lockDecisions(context.groupId());
            Membership m = memberships.findForUpdate(context.groupId(), caller)
                    .orElseThrow(() -> new NotFoundException("You are not in this group"));
            m.requireMayLeave(clock.instant(), memberships.otherActiveOwners(context.groupId(), caller));
            memberships.delete(m);
            return;
        }
        GroupContext context = access.requireModerator(groupRef);
        memberships.lockDecisions(context.groupId());
        Membership target = memberships.findForUpdate(context.groupId(), accountId)
                .orElseThrow(() -> new NotFoundException("This account is not in the group"));
        target.requireRemovableBy(context);
        events.fire(MembershipChanged.decided(context.groupId(), caller, accountId, MembershipChanged.Change.REMOVED,
                reason));
        memberships.delete(target);
    }

    @Transactional
    public Page<MyGroupMembershipResponse> mine(PageParams page) {
        UUID caller = currentUser.requireAccountId();
        return paging.page("my-memberships|" + caller, page, 2,
                (at, direction, limit) -> {
                    TimeAndId position = TimeAndId.of(at);
                    return memberships.pageForAccount(caller, direction, TimeAndId.at(position), TimeAndId.id(position),
                            limit);
                },
                last -> TimeAndId.key(last.requestedAt(), last.groupId()),
                this::myGroupMemberships);
    }

    private List<MyGroupMembershipResponse> myGroupMemberships(List<Membership> rows) {
        Map<UUID, GroupFacts> facts = groups.facts(rows.stream().map(Membership::groupId).toList());
        List<MyGroupMembershipResponse> items = new ArrayList<>();
        for (Membership m : rows) {
            GroupFacts g = facts.get(m.groupId());
            items.add(new MyGroupMembershipResponse(
                    new MyGroupMembershipResponse.GroupRef(g.id(), g.slug(), g.name(), g.visibility(), g.archived()),
                    m.role(), m.status(), m.rulesVersionAccepted(), m.rulesVersionAccepted() >= g.rulesVersion(),
                    m.requestedAt(), m.joinedAt(), m.decisionReason(), m.bannedUntil()));
        }
        return items;
    }

    MemberResponse toMember(Membership m, boolean showPrivate) {
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
        return m == null ? null : toMine(m.standing(), rulesVersion, now);
    }

    static MyMembershipResponse toMine(MemberStanding m, int rulesVersion, Instant now) {
        if (m == null) {
            return null;
        }
        return new MyMembershipResponse(m.role(), m.status(), m.rulesVersionAccepted(),
                m.rulesVersionAccepted() >= rulesVersion, m.joinedAt(), m.isBanned(now) ? m.bannedUntil() : null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

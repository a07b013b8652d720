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
import org.kindred.platform.paging.CursorCodec;
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
    private final CursorCodec cursors;
    private final CurrentUser currentUser;
    private final Clock clock;

    public MembershipService(MembershipRepository memberships, InviteService invites, GroupRepository groups,
            GroupAccess access, AccountDirectory accounts, Event<DomainEvent> events, CursorCodec cursors,
            CurrentUser currentUser, Clock clock) {
        this.memberships = memberships;
        this.invites = invites;
        this.groups = groups;
        this.access = access;
        this.accounts = accounts;
        this.events = events;
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
            invite = invites.usable(group.id(), request.inviteCode(), now).orElse(null);
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
        if (!active) {
            events.fire(new MembershipRequested(group.id(), caller));
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

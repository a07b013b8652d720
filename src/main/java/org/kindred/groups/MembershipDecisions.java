package org.kindred.groups;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.kindred.groups.api.MemberResponse;
import org.kindred.groups.api.UpdateMemberRequest;
import org.kindred.groups.events.MembershipChanged;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.ConflictException;
import org.kindred.platform.error.NotFoundException;
import org.kindred.platform.events.DomainEvent;
import org.kindred.platform.security.CurrentUser;
import org.kindred.platform.web.ETags;
import org.kindred.platform.web.Versioned;

/**
 * Moderators' and owners' decisions on memberships: approve, deny, ban, lift a ban, change a role, by a PATCH or as
 * the outcome of a report. The rules are the aggregate's ({@link Membership}); this service loads, locks, applies and
 * fires {@link MembershipChanged} for the moderation log and anyone else who listens.
 */
@ApplicationScoped
public class MembershipDecisions {

    private final MembershipRepository memberships;
    private final MembershipService view;
    private final GroupAccess access;
    private final Event<DomainEvent> events;
    private final CurrentUser currentUser;
    private final Clock clock;

    public MembershipDecisions(MembershipRepository memberships, MembershipService view, GroupAccess access,
            Event<DomainEvent> events, CurrentUser currentUser, Clock clock) {
        this.memberships = memberships;
        this.view = view;
        this.access = access;
        this.events = events;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional
    public Versioned<MemberResponse> decide(String groupRef, UUID accountId, UpdateMemberRequest request,
            String ifMatch) {
        GroupContext context = access.requireModerator(groupRef);
        if (request.status() == null && request.role() == null) {
            throw new BadRequestException("status", "send a status or a role to change");
        }
        if (request.bannedUntil() != null && request.status() != UpdateMemberRequest.DecisionStatus.BANNED) {
            throw new BadRequestException("bannedUntil", "only goes with status BANNED");
        }
        memberships.lockDecisions(context.groupId());
        Membership target = memberships.findForUpdate(context.groupId(), accountId)
                .orElseThrow(() -> new NotFoundException("This account is not in the group"));
        ETags.requireMatch(ifMatch, target.version());
        if (request.status() != null) {
            applyStatus(context, target, request);
        }
        if (request.role() != null && request.role() != target.role()) {
            MembershipRole from = target.role();
            target.changeRole(context, request.role(), memberships.otherActiveOwners(context.groupId(), accountId));
            events.fire(new MembershipChanged(context.groupId(), currentUser.requireAccountId(), accountId,
                    MembershipChanged.Change.ROLE_CHANGED, request.reason(), null, from, request.role()));
        }
        memberships.flush();
        return Versioned.of(view.toMember(target, true), target.version());
    }

    private void applyStatus(GroupContext context, Membership target, UpdateMemberRequest request) {
        Instant now = clock.instant();
        UUID actor = currentUser.requireAccountId();
        switch (request.status()) {
            case ACTIVE -> {
                MembershipChanged.Change change = target.admit(context, request.reason(), now);
                events.fire(MembershipChanged.decided(context.groupId(), actor, target.accountId(), change,
                        request.reason()));
            }
            case DENIED -> {
                target.deny(context, request.reason(), now);
                events.fire(MembershipChanged.decided(context.groupId(), actor, target.accountId(),
                        MembershipChanged.Change.DENIED, request.reason()));
            }
            case BANNED -> ban(context, target, request.bannedUntil(), request.reason());
        }
    }

    /**
     * Bans an account from a group as the outcome of a report, in the caller's transaction, with the same rules as a
     * PATCH: {@code by} is the resolving moderator's standing in the group. Someone who is not in the group is banned
     * all the same, so they cannot join.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void banFromReport(GroupContext by, UUID accountId, Instant until, String reason) {
        memberships.lockDecisions(by.groupId());
        Membership target = memberships.findForUpdate(by.groupId(), accountId).orElse(null);
        if (target == null) {
            memberships.insertIfAbsent(by.groupId(), accountId, MembershipRole.MEMBER, MembershipStatus.BANNED, 0,
                    null, clock.instant());
            memberships.flush();
            target = memberships.findForUpdate(by.groupId(), accountId).orElseThrow();
        }
        ban(by, target, until, reason);
    }

    private void ban(GroupContext by, Membership target, Instant until, String reason) {
        target.ban(by, until, reason, clock.instant());
        events.fire(new MembershipChanged(by.groupId(), currentUser.requireAccountId(), target.accountId(),
                MembershipChanged.Change.BANNED, reason, until, null, null));
    }

    /**
     * The last-owner rule for an account leaving every group at once (erasure): 409 listing the live groups it is the
     * only active owner of. The same rule as {@link Membership#requireMayLeave} for one group.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireNotLastOwnerAnywhere(UUID accountId) {
        List<MembershipRepository.SoleOwnership> groups = memberships.soleOwnerships(accountId);
        if (!groups.isEmpty()) {
            List<Map<String, Object>> named = groups.stream()
                    .map(g -> Map.<String, Object>of("id", g.groupId().toString(), "name", g.name())).toList();
            throw new ConflictException("last-owner", "You are the last owner of a group",
                    "Transfer ownership of these groups, or archive them, before you delete your account", null,
                    Map.of("groups", named));
        }
    }
}

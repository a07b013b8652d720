package org.kindred.groups;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.kindred.platform.error.ConflictException;
import org.kindred.platform.error.ForbiddenException;
import org.kindred.platform.error.NotFoundException;
import org.kindred.platform.error.UnauthorizedException;
import org.kindred.platform.security.CurrentUser;

/**
 * The one place that answers "may the caller do X in this group". Every feature that touches a group asks here.
 * <ul>
 * <li>A HIDDEN group does not exist (404) for anyone but its active members and admins.</li>
 * <li>Posts are never served without a token; a PRIVATE group's posts are 404 to non-members; a banned member is
 * refused (403) even in a PUBLIC group.</li>
 * <li>Posting needs an active membership, a live group and the current rules accepted (409 with the rules).</li>
 * <li>Moderating needs the MODERATOR or OWNER role (or platform admin); managing roles and archiving need OWNER.</li>
 * </ul>
 */
@ApplicationScoped
public class GroupAccess {

    /** How many of a member's groups the home timeline spans. */
    public static final int TIMELINE_GROUPS = 500;

    private final GroupRepository groups;
    private final LiveGroupFacts liveFacts;
    private final MembershipRepository memberships;
    private final CurrentUser currentUser;
    private final Clock clock;

    public GroupAccess(GroupRepository groups, LiveGroupFacts liveFacts, MembershipRepository memberships,
            CurrentUser currentUser, Clock clock) {
        this.groups = groups;
        this.liveFacts = liveFacts;
        this.memberships = memberships;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The group if the caller may know it exists, else 404. Anonymous callers may see PUBLIC and PRIVATE groups. */
    @Transactional
    public GroupContext requireVisible(String groupRef) {
        return contextFor(liveFacts.factsAndStanding(groupRef, currentUser.accountId()));
    }

    private GroupContext contextFor(Optional<GroupRepository.FactsAndStanding> found) {
        return found.flatMap(this::standing).orElseThrow(GroupAccess::notFound);
    }

    private Optional<GroupContext> standing(GroupRepository.FactsAndStanding found) {
        return standing(found.group(), found.member().orElse(null));
    }

    private GroupContext contextFor(GroupFacts group, MemberStanding membership) {
        return standing(group, membership).orElseThrow(GroupAccess::notFound);
    }

    /** The caller's standing in the group, or empty when the caller may not know the group exists. */
    private Optional<GroupContext> standing(GroupFacts group, MemberStanding membership) {
        Optional<UUID> caller = currentUser.accountId();
        boolean admin = currentUser.isAdmin();
        boolean banned = membership != null && membership.isBanned(clock.instant());
        MembershipStatus status = membership == null ? null : membership.status();
        if (group.visibility() == Visibility.HIDDEN && !admin && status != MembershipStatus.ACTIVE) {
            return Optional.empty();
        }
        return Optional
                .of(new GroupContext(group.id(), group.slug(), group.name(), group.visibility(), group.archived(),
                        group.rulesVersion(), group.rules(), group.language(), caller, admin,
                        membership == null ? null : membership.role(),
                        status,
                        banned, MembershipService.toMine(membership, group.rulesVersion(), clock.instant())));
    }

    /**
     * As {@link #requireVisible(UUID)}, without throwing: empty when the caller may not know the group exists. For
     * lists that drop what their reader may no longer see (an exception would mark the caller's transaction for
     * rollback).
     */
    @Transactional
    public Optional<GroupContext> visibleContext(UUID groupId) {
        return liveFacts.factsAndStanding(groupId, currentUser.accountId()).flatMap(this::standing);
    }

    /** As {@link #requireCanReadPosts(UUID)}, without throwing: empty when the caller may not read the group's posts. */
    @Transactional
    public Optional<GroupContext> readableContext(UUID groupId) {
        if (!currentUser.isAuthenticated()) {
            return Optional.empty();
        }
        return visibleContext(groupId).filter(GroupAccess::mayReadPosts);
    }

    @Transactional
    public GroupContext requireVisible(UUID groupId) {
        return contextFor(liveFacts.factsAndStanding(groupId, currentUser.accountId()));
    }

    /** May read the group's posts: a signed-in member of the group, or anyone signed in for a PUBLIC group. */
    @Transactional
    public GroupContext requireCanReadPosts(String groupRef) {
        requireSignedInReader();
        return canReadPosts(requireVisible(groupRef));
    }

    /** As {@link #requireCanReadPosts(String)}, for a group known by id (a post's group). */
    @Transactional
    public GroupContext requireCanReadPosts(UUID groupId) {
        requireSignedInReader();
        return canReadPosts(requireVisible(groupId));
    }

    /**
     * The groups on the caller's home timeline: those they are an active member of (and so may read), at most
     * {@link #TIMELINE_GROUPS}, most recently joined first. Platform admins get their own groups too, not every group.
     */
    @Transactional
    public List<GroupContext> requireTimelineGroups() {
        requireSignedInReader();
        return List.copyOf(readable(memberships.activeGroupIds(currentUser.requireAccountId(), TIMELINE_GROUPS))
                .values());
    }

    /**
     * Of the given groups, those whose posts the caller may read, each with the caller's standing in it (for lists
     * that span groups); the others are left out, never an error. Two queries whatever the number of groups.
     */
    @Transactional
    public Map<UUID, GroupContext> readable(Collection<UUID> groupIds) {
        if (groupIds.isEmpty() || !currentUser.isAuthenticated()) {
            return Map.of();
        }
        Map<UUID, MemberStanding> mine = memberships.standingsIn(currentUser.requireAccountId(), groupIds);
        Map<UUID, GroupContext> readable = new LinkedHashMap<>();
        Map<UUID, GroupFacts> facts = groups.facts(groupIds);
        for (UUID id : groupIds) {
            GroupFacts group = facts.get(id);
            if (group == null) {
                continue;
            }
            try {
                readable.put(id, canReadPosts(contextFor(group, mine.get(id))));
            } catch (NotFoundException | ForbiddenException e) {
                // not readable by the caller: left out
            }
        }
        return readable;
    }

    private void requireSignedInReader() {
        if (!currentUser.isAuthenticated()) {
            throw new UnauthorizedException("unauthenticated", "Posts are only shown to signed-in members");
        }
    }

    private static boolean mayReadPosts(GroupContext context) {
        return context.admin() || context.isActiveMember()
                || context.visibility() == Visibility.PUBLIC && !context.banned();
    }

    private static GroupContext canReadPosts(GroupContext context) {
        if (mayReadPosts(context)) {
            return context;
        }
        if (context.visibility() != Visibility.PUBLIC) {
            throw notFound();
        }
        if (context.banned()) {
            throw banned();
        }
        return context;
    }

    /** May post and reply: an active member, in a live group, who accepted the current rules. */
    @Transactional
    public GroupContext requireCanPost(String groupRef) {
        return requireCanPost(requireCanReadPosts(groupRef));
    }

    /** The posting rules applied to a context already checked for reading: no further queries. */
    public static GroupContext requireCanPost(GroupContext context) {
        if (!context.isActiveMember()) {
            if (context.banned()) {
                throw banned();
            }
            throw new ForbiddenException("not-a-member", "Join the group first",
                    "Only members of this group can post here");
        }
        if (context.archived()) {
            throw new ConflictException("group-archived", "Group archived", "This group is archived and read-only");
        }
        if (context.myMembership().rulesVersionAccepted() < context.rulesVersion()) {
            throw rulesOutdated(context.rulesVersion(), context.rules());
        }
        return context;
    }

    /** Moderators, owners and admins. Others get 403 if they can see the group, 404 if not. */
    @Transactional
    public GroupContext requireModerator(String groupRef) {
        requireSignedIn();
        return moderator(requireVisible(groupRef));
    }

    /** As {@link #requireModerator(String)}, for a group known by id (a report's group). */
    @Transactional
    public GroupContext requireModerator(UUID groupId) {
        requireSignedIn();
        return moderator(requireVisible(groupId));
    }

    private static GroupContext moderator(GroupContext context) {
        if (!context.canModerate()) {
            throw new ForbiddenException("not-a-moderator", "Moderators only",
                    "Only this group's moderators can do this");
        }
        return context;
    }

    /** Owners and admins. */
    @Transactional
    public GroupContext requireOwner(String groupRef) {
        requireSignedIn();
        GroupContext context = requireVisible(groupRef);
        if (!context.isOwner()) {
            throw new ForbiddenException("not-an-owner", "Owners only", "Only this group's owners can do this");
        }
        return context;
    }

    /** Active members (and admins): who may see the member list. Non-members of a listed group get 403. */
    @Transactional
    public GroupContext requireMember(String groupRef) {
        requireSignedIn();
        return member(requireVisible(groupRef));
    }

    /** As {@link #requireMember(String)}, for a group known by id. */
    @Transactional
    public GroupContext requireMember(UUID groupId) {
        requireSignedIn();
        return member(requireVisible(groupId));
    }

    private static GroupContext member(GroupContext context) {
        if (!(context.admin() || context.isActiveMember())) {
            throw new ForbiddenException("not-a-member", "Members only", "Only members of this group can see this");
        }
        return context;
    }

    public static ConflictException rulesOutdated(int version, String rules) {
        return new ConflictException("rules-not-accepted", "Group rules not accepted",
                "Read and accept the group's current rules (version " + version + ") first", null,
                Map.of("currentRulesVersion", version, "rules", rules));
    }

    private void requireSignedIn() {
        if (!currentUser.isAuthenticated()) {
            throw new UnauthorizedException("unauthenticated",
                    "This operation needs an access token (Authorization: Bearer ...)");
        }
    }

    private static NotFoundException notFound() {
        return new NotFoundException("No such group");
    }

    private static ForbiddenException banned() {
        return new ForbiddenException("banned", "Banned from this group", "You are banned from this group");
    }
}

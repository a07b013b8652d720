package org.kindred.groups;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.kindred.groups.api.CreateInviteRequest;
import org.kindred.groups.api.InviteResponse;
import org.kindred.groups.events.InviteChanged;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.ConflictException;
import org.kindred.platform.error.NotFoundException;
import org.kindred.platform.events.DomainEvent;
import org.kindred.platform.paging.KeysetPaging;
import org.kindred.platform.paging.KeysetPaging.TimeAndId;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.security.CurrentUser;

/** Invite links: created and revoked by moderators, used by {@link MembershipService#join}. Codes are stored hashed. */
@ApplicationScoped
public class InviteService {

    static final String INVITE_PREFIX = "kinv_";
    static final Duration DEFAULT_INVITE_LIFETIME = Duration.ofDays(7);
    static final Duration MAX_INVITE_LIFETIME = Duration.ofDays(30);

    private final GroupInviteRepository invites;
    private final GroupAccess access;
    private final Event<DomainEvent> events;
    private final KeysetPaging paging;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public InviteService(GroupInviteRepository invites, GroupAccess access, Event<DomainEvent> events,
            KeysetPaging paging, CurrentUser currentUser, Clock clock) {
        this.invites = invites;
        this.access = access;
        this.events = events;
        this.paging = paging;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The invite with this code for this group, locked, if it can still be used. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<GroupInvite> usable(UUID groupId, String code, Instant now) {
        return invites.findByCodeForUpdate(hash(code)).filter(i -> i.groupId().equals(groupId) && i.usable(now));
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
        events.fire(new InviteChanged(context.groupId(), actor, invite.id(), false, maxUses, expires));
        return toInvite(invite, code);
    }

    @Transactional
    public Page<InviteResponse> invites(String groupRef, PageParams page) {
        GroupContext context = access.requireModerator(groupRef);
        return paging.page("invites|" + context.groupId(), page, 2,
                (at, direction, limit) -> {
                    TimeAndId position = TimeAndId.of(at);
                    return invites.page(context.groupId(), direction, TimeAndId.at(position), TimeAndId.id(position),
                            limit);
                },
                last -> TimeAndId.key(last.createdAt(), last.id()),
                rows -> rows.stream().map(i -> toInvite(i, null)).toList());
    }

    @Transactional
    public void revokeInvite(String groupRef, UUID inviteId) {
        GroupContext context = access.requireModerator(groupRef);
        GroupInvite invite = invites.findByIdOptional(inviteId).filter(i -> i.groupId().equals(context.groupId()))
                .orElseThrow(() -> new NotFoundException("No such invite in this group"));
        if (!invite.revoked()) {
            invite.revoke(clock.instant());
            events.fire(new InviteChanged(context.groupId(), currentUser.requireAccountId(), invite.id(), true, null,
                    null));
        }
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

}

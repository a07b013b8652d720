package org.kindred.groups;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.kindred.groups.api.CreateGroupRequest;
import org.kindred.groups.api.GroupResponse;
import org.kindred.groups.api.GroupSummaryResponse;
import org.kindred.groups.api.MyMembershipResponse;
import org.kindred.groups.api.UpdateGroupRequest;
import org.kindred.groups.events.GroupArchived;
import org.kindred.groups.events.GroupRulesChanged;
import org.kindred.groups.events.GroupSettingsChanged;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.ConflictException;
import org.kindred.platform.error.ForbiddenException;
import org.kindred.platform.events.DomainEvent;
import org.kindred.platform.paging.KeysetPaging;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.security.CurrentUser;
import org.kindred.platform.validation.LanguageTagValidator;
import org.kindred.platform.web.ETags;
import org.kindred.platform.web.Versioned;

/** Creating, finding, editing and archiving groups. Who may do what is decided by {@link GroupAccess}. */
@ApplicationScoped
public class GroupService {

    private final GroupRepository groups;
    private final GroupSlugs slugs;
    private final GroupAccess access;
    private final MembershipService memberships;
    private final Event<DomainEvent> events;
    private final KeysetPaging paging;
    private final CurrentUser currentUser;
    private final Clock clock;

    public GroupService(GroupRepository groups, GroupSlugs slugs, GroupAccess access, MembershipService memberships,
            Event<DomainEvent> events, KeysetPaging paging, CurrentUser currentUser, Clock clock) {
        this.groups = groups;
        this.slugs = slugs;
        this.access = access;
        this.memberships = memberships;
        this.events = events;
        this.paging = paging;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional
    public Versioned<GroupResponse> create(CreateGroupRequest request) {
        UUID creator = currentUser.requireAccountId();
        boolean facilitated = Boolean.TRUE.equals(request.facilitated());
        if (facilitated && !(currentUser.isProfessional() || currentUser.isAdmin())) {
            throw new ForbiddenException("not-professional", "Verified professionals only",
                    "Only verified professionals and admins can mark a group as facilitated");
        }
        Instant now = clock.instant();
        Group group = Group.create(slugs.forNew(request.name(), request.visibility()), request.name().strip(),
                request.description().strip(),
                EnumSet.copyOf(request.bases()), EnumSet.copyOf(request.topics()),
                LanguageTagValidator.canonical(request.language()), request.visibility(), request.rules().strip(),
                facilitated, creator, now);
        groups.persist(group);
        groups.flush();
        memberships.addOwner(group.id(), creator, group.rulesVersion());
        groups.getEntityManager().refresh(group);
        return Versioned.of(toResponse(group, memberships.myMembership(group.id(), creator, group.rulesVersion())),
                group.version());
    }

    @Transactional
    public Versioned<GroupResponse> get(String ref) {
        GroupContext context = access.requireVisible(ref);
        Group group = groups.findById(context.groupId());
        return Versioned.of(toResponse(group, context.myMembership()), group.version());
    }

    @Transactional
    public Page<GroupSummaryResponse> directory(GroupRepository.DirectoryFilter filter, PageParams page) {
        GroupRepository.DirectoryFilter normalized = new GroupRepository.DirectoryFilter(filter.basis(), filter.topic(),
                filter.language() == null ? null : LanguageTagValidator.canonical(filter.language()),
                filter.facilitated(), filter.q() == null || filter.q().isBlank() ? null : filter.q().strip());
        boolean search = normalized.q() != null;
        String scope = "groups|" + normalized.basis() + "|" + normalized.topic() + "|" + normalized.language() + "|"
                + normalized.facilitated() + "|" + normalized.q();
        Optional<UUID> viewer = currentUser.accountId();
        return paging.page(scope, page, 2,
                (after, direction, limit) -> groups.directory(normalized, viewer.orElse(null), currentUser.isAdmin(),
                        direction, after == null
                                ? null
                                : search
                                        ? new GroupRepository.Position(null, Float.valueOf(after.get(0)),
                                                UUID.fromString(after.get(1)))
                                        : new GroupRepository.Position(Instant.parse(after.get(0)), null,
                                                UUID.fromString(after.get(1))),
                        limit),
                last -> List.of(search ? Float.toString(last.rank()) : last.createdAt().toString(),
                        last.id().toString()),
                rows -> summaries(rows.stream().map(GroupRepository.Row::id).toList(), viewer));
    }

    /** The directory's items for these group ids, in this order, with the viewer's memberships (two queries). */
    private List<GroupSummaryResponse> summaries(List<UUID> ids, Optional<UUID> viewer) {
        Map<UUID, Group> byId = groups.byIds(ids).stream().collect(Collectors.toMap(Group::id, Function.identity()));
        Map<UUID, MyMembershipResponse> mine = viewer.isPresent()
                ? memberships.myMemberships(viewer.get(), byId.values().stream()
                        .collect(Collectors.toMap(Group::id, Group::rulesVersion)))
                : Map.of();
        List<GroupSummaryResponse> items = new ArrayList<>();
        for (UUID id : ids) {
            Group g = byId.get(id);
            items.add(new GroupSummaryResponse(g.id(), g.slug(), g.name(), g.description(), g.bases(), g.topics(),
                    g.language(), g.visibility(), g.rulesVersion(), g.facilitated(), g.memberCount(), g.postCount(),
                    g.createdAt(), mine.get(id)));
        }
        return items;
    }

    @Transactional
    public Versioned<GroupResponse> update(String ref, UpdateGroupRequest request, String ifMatch) {
        GroupContext context = access.requireModerator(ref);
        Group group = groups.findById(context.groupId());
        ETags.requireMatch(ifMatch, group.version());
        if (group.archived()) {
            throw archived();
        }
        UUID actor = currentUser.requireAccountId();
        Instant now = clock.instant();
        rejectNull("name", request.name());
        rejectNull("description", request.description());
        rejectNull("bases", request.bases());
        rejectNull("topics", request.topics());
        rejectNull("language", request.language());
        rejectNull("visibility", request.visibility());
        rejectNull("rules", request.rules());
        rejectNull("facilitated", request.facilitated());
        Map<String, Object> settings = changeSettings(context, group, request, now);
        if (request.name() != null) {
            group.rename(requireText("name", request.name().get()), now);
        }
        if (request.description() != null) {
            group.describe(requireText("description", request.description().get()), now);
        }
        if (request.bases() != null || request.topics() != null) {
            group.classify(request.bases() == null ? null : EnumSet.copyOf(request.bases().get()),
                    request.topics() == null ? null : EnumSet.copyOf(request.topics().get()), now);
        }
        if (request.language() != null) {
            group.changeLanguage(LanguageTagValidator.canonical(request.language().get()), now);
        }
        if (request.rules() != null && group.changeRules(requireText("rules", request.rules().get()), now)) {
            events.fire(new GroupRulesChanged(group.id(), actor, group.rulesVersion()));
        }
        if (!settings.isEmpty()) {
            events.fire(new GroupSettingsChanged(group.id(), actor, settings));
        }
        groups.flush();
        return Versioned.of(toResponse(group, memberships.myMembership(group.id(), actor, group.rulesVersion())),
                group.version());
    }

    /**
     * The owner-only settings: visibility and facilitation. A group that becomes HIDDEN gets a new, unlisted slug
     * ({@link GroupSlugs}); a group that stops being HIDDEN keeps its slug. Returns what changed, for the log.
     */
    private Map<String, Object> changeSettings(GroupContext context, Group group, UpdateGroupRequest request,
            Instant now) {
        Map<String, Object> settings = new LinkedHashMap<>();
        if (request.visibility() == null && request.facilitated() == null) {
            return settings;
        }
        if (!context.isOwner()) {
            throw new ForbiddenException("owner-only", "Owners only",
                    "Only the group's owners can change its visibility or facilitation");
        }
        Visibility visibility = request.visibility() == null ? group.visibility() : request.visibility().get();
        if (visibility != group.visibility()) {
            settings.put("visibility", visibility.name());
            if (visibility == Visibility.HIDDEN) {
                group.hide(slugs.unlisted(request.name() == null ? group.name() : request.name().get()), now);
            } else {
                group.changeVisibility(visibility, now);
            }
        }
        if (request.facilitated() != null && request.facilitated().get() != group.facilitated()) {
            if (request.facilitated().get() && !(currentUser.isProfessional() || currentUser.isAdmin())) {
                throw new ForbiddenException("not-professional", "Verified professionals only",
                        "Only verified professionals and admins can mark a group as facilitated");
            }
            settings.put("facilitated", request.facilitated().get());
            group.markFacilitated(request.facilitated().get(), now);
        }
        return settings;
    }

    @Transactional
    public void archive(String ref, String reason) {
        GroupContext context = access.requireOwner(ref);
        Group group = groups.findById(context.groupId());
        if (!group.archived()) {
            group.archive(clock.instant());
            events.fire(new GroupArchived(group.id(), currentUser.requireAccountId(), reason));
        }
    }

    static ConflictException archived() {
        return new ConflictException("group-archived", "Group archived", "This group is archived and read-only");
    }

    private static String requireText(String field, String value) {
        if (value.isBlank()) {
            throw new BadRequestException(field, "must not be blank");
        }
        return value.strip();
    }

    private static void rejectNull(String field, Optional<?> value) {
        if (value != null && value.isEmpty()) {
            throw new BadRequestException(field, "must not be null");
        }
    }

    private static GroupResponse toResponse(Group g, MyMembershipResponse mine) {
        return new GroupResponse(g.id(), g.slug(), g.name(), g.description(), g.bases(), g.topics(), g.language(),
                g.visibility(), g.rules(), g.rulesVersion(), g.facilitated(), g.memberCount(), g.postCount(),
                g.archived(),
                g.createdAt(), g.updatedAt(), mine);
    }
}

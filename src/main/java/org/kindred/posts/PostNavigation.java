package org.kindred.posts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.kindred.groups.GroupAccess;
import org.kindred.groups.GroupContext;
import org.kindred.platform.paging.KeysetPaging;
import org.kindred.platform.paging.KeysetPaging.TimeAndId;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.security.CurrentUser;
import org.kindred.posts.api.PostResponse;

/**
 * Finding one's way across groups: the home timeline, search (in one group or across the reader's groups) and the
 * reader's own posts and replies. Which groups a reader may read is {@link GroupAccess}'s answer; which posts in them
 * is the feed's reader filters ({@link PostRepository}); how a row looks to the reader is {@link PostViews}. Nothing
 * here decides visibility on its own.
 */
@ApplicationScoped
public class PostNavigation {

    /** The longest search accepted (characters); longer is a 400. */
    public static final int MAX_QUERY_LENGTH = 200;

    private final PostRepository posts;
    private final PostAccess postAccess;
    private final GroupAccess access;
    private final KeysetPaging paging;
    private final CurrentUser currentUser;
    private final AnonymousAuthorReads authorReads;

    public PostNavigation(PostRepository posts, PostAccess postAccess, GroupAccess access, KeysetPaging paging,
            CurrentUser currentUser, AnonymousAuthorReads authorReads) {
        this.posts = posts;
        this.authorReads = authorReads;
        this.postAccess = postAccess;
        this.access = access;
        this.paging = paging;
        this.currentUser = currentUser;
    }

    /** Threads across the groups the reader is an active member of; with {@code q}, the best matches first. */
    @Transactional
    public Page<PostResponse> timeline(PostRepository.Sort sort, String q, PageParams page) {
        Map<UUID, GroupContext> groups = access.requireTimelineGroups().stream()
                .collect(Collectors.toMap(GroupContext::groupId, Function.identity(), (a, b) -> a,
                        LinkedHashMap::new));
        UUID me = currentUser.requireAccountId();
        if (q != null) {
            return search(groups, "timeline|" + me, q, page);
        }
        return paging.page("timeline|" + me + "|" + sort, page, 2,
                (after, direction, limit) -> groups.isEmpty()
                        ? List.of()
                        : posts.rows(
                                posts.timelineQuery(groups.keySet(), me, sort, direction, TimeAndId.of(after), limit)),
                last -> TimeAndId.key(sort == PostRepository.Sort.NEW ? last.createdAt() : last.lastActivityAt(),
                        last.id()),
                rows -> render(rows, groups, me));
    }

    /** A search within one group the caller may read (its context comes from the feed's access check). */
    @Transactional(Transactional.TxType.MANDATORY)
    Page<PostResponse> searchGroup(GroupContext group, String q, PageParams page) {
        return search(Map.of(group.groupId(), group), "feed|" + group.groupId(), q, page);
    }

    /**
     * Ranked search. Words are stemmed in the languages of the groups searched and matched as written too; a search
     * made only of stop words answers an empty page. The cursor is valid for this list and these words only.
     */
    private Page<PostResponse> search(Map<UUID, GroupContext> groups, String scope, String q, PageParams page) {
        UUID me = currentUser.requireAccountId();
        String words = q.strip();
        List<String> languages = groups.values().stream()
                .map(g -> g.language().split("-")[0].toLowerCase(Locale.ROOT)).distinct().sorted().toList();
        boolean searchable = !groups.isEmpty() && posts.hasSearchableWords(words, languages);
        return paging.page(scope + "|search|" + words, page, 2,
                (after, direction, limit) -> !searchable
                        ? List.<PostRepository.Ranked>of()
                        : posts.rankedRows(posts.searchQuery(groups.keySet(), me, words, languages, direction,
                                after == null
                                        ? null
                                        : new PostRepository.RankPosition(Float.parseFloat(after.get(0)),
                                                UUID.fromString(after.get(1))),
                                limit)),
                last -> List.of(Float.toString(last.rank()), last.row().id().toString()),
                rows -> render(rows.stream().map(PostRepository.Ranked::row).toList(), groups, me));
    }

    /** The reader's own threads ({@code replies} false) or replies, newest first, anonymous ones included. */
    @Transactional
    public Page<PostResponse> mine(boolean replies, PageParams page) {
        UUID me = currentUser.requireAccountId();
        return paging.page((replies ? "my-replies|" : "my-posts|") + me, page, 2,
                (after, direction, limit) -> posts
                        .rows(posts.ownQuery(me, replies, direction, TimeAndId.of(after), limit)),
                last -> TimeAndId.key(last.createdAt(), last.id()),
                rows -> renderOwn(rows, replies, me));
    }

    private List<PostResponse> render(List<PostRow> rows, Map<UUID, GroupContext> groups, UUID me) {
        PostRepository.ReaderWarnings warnings = postAccess.readerWarnings(me);
        List<PostResponse> shown = rows.stream().map(r -> {
            GroupContext context = groups.get(r.groupId());
            return PostViews.listed(r, context, me, postAccess.canReply(r, context, me), warnings);
        }).toList();
        authorReads.recordShown(me, shown);
        return shown;
    }

    /**
     * Own posts may sit in groups the reader can no longer read (left, banned): listed all the same, without reply
     * rights. Whether a reply can be answered is its thread's question, so the threads are read in one query.
     */
    private List<PostResponse> renderOwn(List<PostRow> rows, boolean replies, UUID me) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, GroupContext> groups = access.readable(rows.stream().map(PostRow::groupId).distinct().toList());
        Map<UUID, PostRow> threads = replies
                ? posts.rowsByIds(rows.stream().map(PostRow::parentId).distinct().toList(), me).stream()
                        .collect(Collectors.toMap(PostRow::id, Function.identity()))
                : Map.of();
        return rows.stream().map(r -> {
            GroupContext context = groups.get(r.groupId());
            PostRow thread = replies ? threads.get(r.parentId()) : r;
            boolean canReply = context != null && thread != null && postAccess.canReply(thread, context, me);
            return PostViews.toResponse(r, context != null && context.canModerate(), me, canReply, false);
        }).toList();
    }
}

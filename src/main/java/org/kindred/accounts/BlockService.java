package org.kindred.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.kindred.accounts.api.BlockResponse;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.NotFoundException;
import org.kindred.platform.paging.CursorCodec;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.security.CurrentUser;

/** Members blocking members. The effect on what people see is applied by the features that list content. */
@ApplicationScoped
public class BlockService {

    private final BlockRepository blocks;
    private final AccountRepository accounts;
    private final AccountDirectory directory;
    private final CursorCodec cursors;
    private final CurrentUser currentUser;
    private final Clock clock;

    public BlockService(BlockRepository blocks, AccountRepository accounts, AccountDirectory directory,
            CursorCodec cursors, CurrentUser currentUser, Clock clock) {
        this.blocks = blocks;
        this.accounts = accounts;
        this.directory = directory;
        this.cursors = cursors;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional
    public void block(UUID target) {
        UUID me = currentUser.requireAccountId();
        if (me.equals(target)) {
            throw new BadRequestException("accountId", "you cannot block yourself");
        }
        accounts.findByIdOptional(target).filter(a -> a.status() != AccountStatus.DELETED)
                .orElseThrow(() -> new NotFoundException("No such account"));
        blocks.block(me, target, clock.instant());
    }

    @Transactional
    public void unblock(UUID target) {
        blocks.unblock(currentUser.requireAccountId(), target);
    }

    /** True when either account has blocked the other. */
    @Transactional
    public boolean blockedEitherWay(UUID a, UUID b) {
        return !a.equals(b) && blocks.eitherWay(a, b);
    }

    @Transactional
    public Page<BlockResponse> mine(PageParams page) {
        UUID me = currentUser.requireAccountId();
        String scope = "blocks|" + me;
        CursorCodec.Keyset keyset = cursors.decodeKeyset(scope, page.cursor);
        Instant before = keyset == null ? null : keyset.at();
        UUID beforeId = keyset == null ? null : keyset.id();
        List<Block> rows = blocks.page(me, before, beforeId, page.limit + 1);
        boolean more = rows.size() > page.limit;
        List<Block> shown = more ? rows.subList(0, page.limit) : rows;
        Map<UUID, AccountSummary> people = directory.summaries(shown.stream().map(Block::blockedId).toList());
        List<BlockResponse> items = new ArrayList<>();
        for (Block b : shown) {
            AccountSummary person = people.get(b.blockedId());
            items.add(new BlockResponse(b.blockedId(), person == null ? null : person.handle(),
                    person == null ? null : person.displayName(), b.createdAt()));
        }
        String next = more
                ? cursors.encode(scope, List.of(shown.get(shown.size() - 1).createdAt().toString(),
                        shown.get(shown.size() - 1).blockedId().toString()))
                : null;
        return Page.of(items, next);
    }
}

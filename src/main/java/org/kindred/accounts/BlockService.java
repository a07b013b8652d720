package org.kindred.accounts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.kindred.accounts.api.BlockResponse;
import org.kindred.platform.paging.KeysetPaging;
import org.kindred.platform.paging.KeysetPaging.TimeAndId;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.security.CurrentUser;

/** Members blocking members. The effect on what people see is applied by the features that list content. */
@ApplicationScoped
public class BlockService {

    private final BlockRepository blocks;
    private final AccountRepository accounts;
    private final AccountDirectory directory;
    private final KeysetPaging paging;
    private final CurrentUser currentUser;
    private final Clock clock;

    public BlockService(BlockRepository blocks, AccountRepository accounts, AccountDirectory directory,
            KeysetPaging paging, CurrentUser currentUser, Clock clock) {
        this.blocks = blocks;
        this.accounts = accounts;
        this.directory = directory;
        this.paging = paging;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional
    public void block(UUID target) {
        UUID me = currentUser.requireAccountId();
        accounts.requireOtherLiveAccount(me, target, "block");
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
        return paging.page("blocks|" + me, page, 2,
                (at, direction, limit) -> {
                    TimeAndId position = TimeAndId.of(at);
                    return blocks.page(me, direction, TimeAndId.at(position), TimeAndId.id(position), limit);
                },
                b -> TimeAndId.key(b.createdAt(), b.blockedId()),
                this::render);
    }

    /** The blocks shown, with the handles and names of the people blocked looked up in one query. */
    private List<BlockResponse> render(List<Block> shown) {
        Map<UUID, AccountSummary> people = directory.summaries(shown.stream().map(Block::blockedId).toList());
        List<BlockResponse> items = new ArrayList<>();
        for (Block b : shown) {
            AccountSummary person = people.get(b.blockedId());
            items.add(new BlockResponse(b.blockedId(), person == null ? null : person.handle(),
                    person == null ? null : person.displayName(), b.createdAt()));
        }
        return items;
    }
}

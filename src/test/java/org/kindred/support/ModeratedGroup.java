package org.kindred.support;

import java.util.List;

import org.kindred.support.Groups.TestGroup;

/**
 * A PUBLIC group made through the API with the four people most moderation, care and privacy tests need: its owner,
 * a moderator the owner appointed, an author and another member.
 */
public record ModeratedGroup(TestAccount owner, TestAccount moderator, TestAccount author, TestAccount member,
        TestGroup group) {

    /** Handles start with {@code prefix}, so a failing test's accounts are easy to find. */
    public static ModeratedGroup create(String prefix) {
        TestAccount owner = Api.register(prefix + "own");
        TestAccount moderator = Api.register(prefix + "mod");
        TestAccount author = Api.register(prefix + "auth");
        TestAccount member = Api.register(prefix + "mem");
        TestGroup group = Groups.create(owner, "PUBLIC");
        for (TestAccount a : List.of(moderator, author, member)) {
            Groups.join(a, group);
        }
        Groups.setRole(owner, group, moderator, "MODERATOR");
        return new ModeratedGroup(owner, moderator, author, member, group);
    }
}

package org.kindred.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.Groups.TestGroup;
import org.kindred.support.Posts;
import org.kindred.support.SqlStatements;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What creating a reply costs in statements: the thread is read once, the group and the replier's membership are
 * checked once, blocks once, and the text is screened once (one keyword-rule lookup).
 */
@QuarkusTest
class ReplyCostTest {

    @Test
    void aReplyReadsItsThreadOnceAndChecksEachPermissionOnce() {
        TestAccount owner = Api.register("rcowner");
        TestAccount member = Api.register("rcmember");
        TestGroup group = Groups.create(owner, "PUBLIC");
        Groups.join(member, group);
        UUID thread = Posts.post(owner, group, "Has anyone dealt with this at work?");

        SqlStatements.start();
        Api.as(member).body(Map.of("body", "Yes, and it helped to write everything down."))
                .post("/api/v1/posts/" + thread + "/replies").then().statusCode(201);
        List<String> sql = SqlStatements.stop();

        String all = String.join("\n", sql);
        assertEquals(2, count(sql, "(?s)select\\s.*\\sfrom\\s+posts\\s+p\\s.*\\swhere\\s+p\\.id\\s*=\\s*\\?"),
                "post rows read: the thread once and the new reply once (for the response)\n" + all);
        assertEquals(0, count(sql, "(?s)select\\s.*\\sfrom\\s+posts\\s+\\w+\\s+where\\s+\\w+\\.id\\s*=\\s*\\?"),
                "the thread is not loaded a second time as an entity\n" + all);
        assertEquals(1, count(sql, "(?s)select\\s.*\\sfrom\\s+groups\\s.*"), "the group is read once");
        assertEquals(1, count(sql, "(?s)select\\s.*\\sfrom\\s+groups\\s.*\\sleft\\s+join\\s+memberships\\s.*"),
                "the membership is checked once, in the same statement as the group");
        assertEquals(0, count(sql, "(?s)select\\s.*\\sfrom\\s+memberships\\s.*"), "and never on its own");
        assertEquals(1, count(sql, "(?s)select\\s.*\\sfrom\\s+blocks\\s.*"), "blocks are checked once");
        assertEquals(1, count(sql, "(?s)select\\s.*\\sfrom\\s+group_keyword_rules\\s.*"), "the text is screened once");
    }

    private static long count(List<String> sql, String regex) {
        Pattern pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        return sql.stream().filter(s -> pattern.matcher(s.strip()).matches()).count();
    }
}

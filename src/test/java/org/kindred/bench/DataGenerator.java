package org.kindred.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;

/**
 * Fills a Kindred database with realistic volume, in SQL (generate_series), not through the API: accounts, groups of
 * skewed sizes, memberships, threads, replies and reactions. Counters are computed in bulk afterwards (triggers are off
 * during the load), then the tables are analysed.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.kindred.bench.DataGenerator \
 *     -Dexec.args="jdbc:postgresql://127.0.0.1:5432/kindred postgres '' 1000 100000 1000000"
 * </pre>
 *
 * Every generated account signs in with {@link #PASSWORD}; handles are {@code <tag>_<n>}, e-mails
 * {@code <tag><n>@bench.kindred.test}, group slugs {@code <tag>-group-<n>} (tag {@code gen} unless given as a 7th argument).
 */
public final class DataGenerator {

    public static final String PASSWORD = "bench-kindred-violet-lantern-42";

    /** How much to generate. About 30% of posts are threads, the rest replies; about 2 reactions per post. */
    public record Size(int groups, int accounts, int posts, String tag) {

        public Size(int groups, int accounts, int posts) {
            this(groups, accounts, posts, "gen");
        }

        public Size {
            if (!tag.matches("[a-z0-9]{1,8}")) {
                throw new IllegalArgumentException("tag must be 1 to 8 of [a-z0-9]");
            }
        }

        public int threads() {
            return Math.max(1, posts * 3 / 10);
        }

        public int replies() {
            return posts - threads();
        }
    }

    private DataGenerator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: DataGenerator <jdbcUrl> <user> <password> <groups> <accounts> <posts>");
            System.exit(2);
        }
        Size size = new Size(Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                args.length > 6 ? args[6] : "gen");
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2])) {
            long started = System.nanoTime();
            generate(connection, size);
            System.out.printf("Generated %s in %.1f s%n", size, (System.nanoTime() - started) / 1e9);
        }
    }

    public static void generate(DataSource dataSource, Size size) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            generate(connection, size);
        }
    }

    public static void generate(Connection connection, Size size) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute("SET LOCAL session_replication_role = replica"); // no triggers: counters are computed below
            s.execute("SET LOCAL synchronous_commit = off");
            String tag = size.tag();
            s.execute("CREATE TEMP TABLE gen_accounts ON COMMIT DROP AS SELECT i AS n, gen_random_uuid() AS id "
                    + "FROM generate_series(1, " + size.accounts() + ") i");
            s.execute(
                    "INSERT INTO accounts (id, email, password_hash, handle, display_name, country, languages, roles, "
                            + "guidelines_version, created_at, updated_at, password_changed_at) "
                            + "SELECT id, '" + tag + "' || n || '@bench.kindred.test', '" + passwordHash() + "', '"
                            + tag + "_' || n, 'Member ' || n, "
                            + "(ARRAY['GB','US','CA','IE','DE','FR','ES','IN','ZA','AU'])[1 + n % 10], ARRAY['en'], "
                            + "CASE WHEN n % 200 = 0 THEN ARRAY['member','professional'] ELSE ARRAY['member'] END, 1, "
                            + "now() - (n % 1000) * interval '1 hour', now(), now() FROM gen_accounts");

            s.execute("CREATE TEMP TABLE gen_groups ON COMMIT DROP AS SELECT i AS n, gen_random_uuid() AS id, "
                    + "1 + ((i * 7919) % " + size.accounts() + ") AS owner_n FROM generate_series(1, " + size.groups()
                    + ") i");
            s.execute(
                    "INSERT INTO groups (id, slug, name, description, bases, topics, language, visibility, rules, facilitated, "
                            + "created_by, created_at, updated_at) "
                            + "SELECT g.id, '" + tag + "-group-' || g.n, 'Generated group ' || g.n || ' ' || "
                            + "(ARRAY['nurses','teachers','drivers','students','migrants','parents','engineers','carers'])[1 + g.n % 8], "
                            + "'A generated group about ' || (ARRAY['racism','ableism','housing','policing','work','school'])[1 + g.n % 6] || ' ' || g.n, "
                            + "ARRAY[(ARRAY['RACE_ETHNICITY','DISABILITY','AGE','RELIGION_BELIEF','SEXUAL_ORIENTATION','GENDER_IDENTITY'])[1 + g.n % 6]], "
                            + "ARRAY[(ARRAY['WORKPLACE','HOUSING','EDUCATION','HEALTHCARE','POLICING_JUSTICE','ONLINE_HARASSMENT'])[1 + g.n % 6]], "
                            + "(ARRAY['en','en','en','es','fr','de','pt'])[1 + g.n % 7], "
                            + "CASE WHEN g.n % 20 = 0 THEN 'HIDDEN' WHEN g.n % 7 = 0 THEN 'PRIVATE' ELSE 'PUBLIC' END, "
                            + "'Be kind. Believe each other.', g.n % 10 = 0, a.id, now() - g.n * interval '1 hour', now() "
                            + "FROM gen_groups g JOIN gen_accounts a ON a.n = g.owner_n");

            // Random picks are made per row in a subquery: PostgreSQL does not flatten a subquery with volatile
            // outputs, whereas random() in a join condition is pushed down and evaluated once per joined row.
            // Memberships: owners, then each account in about three groups, skewed towards low group numbers.
            s.execute(
                    "INSERT INTO memberships (group_id, account_id, role, status, rules_version_accepted, requested_at, joined_at) "
                            + "SELECT g.id, a.id, 'OWNER', 'ACTIVE', 1, now() - interval '30 days', now() - interval '30 days' "
                            + "FROM gen_groups g JOIN gen_accounts a ON a.n = g.owner_n");
            s.execute(
                    "INSERT INTO memberships (group_id, account_id, role, status, rules_version_accepted, requested_at, joined_at) "
                            + "SELECT g.id, a.id, 'MEMBER', 'ACTIVE', 1, now() - interval '20 days', now() - interval '20 days' "
                            + "FROM (SELECT a.id, 1 + floor(" + size.groups()
                            + " * power(random(), 2))::int AS group_n "
                            + "FROM gen_accounts a CROSS JOIN generate_series(1, 3) k) a "
                            + "JOIN gen_groups g ON g.n = a.group_n ON CONFLICT DO NOTHING");

            // Threads: group sizes are skewed (power law), authors are random accounts, spread over 90 days.
            s.execute("CREATE TEMP TABLE gen_threads ON COMMIT DROP AS SELECT t.i AS n, gen_random_uuid() AS id, "
                    + "g.id AS group_id, t.created_at "
                    + "FROM (SELECT i, 1 + floor(" + size.groups() + " * power(random(), 2))::int AS group_n, "
                    + "now() - random() * interval '90 days' AS created_at FROM generate_series(1, " + size.threads()
                    + ") i) t JOIN gen_groups g ON g.n = t.group_n");
            s.execute("INSERT INTO posts (id, group_id, author_id, title, body, language, content_warnings, anonymous, "
                    + "support_wanted, reply_policy, status, pinned, created_at, last_activity_at) "
                    + "SELECT t.id, t.group_id, a.id, 'Thread ' || t.n, "
                    + "'Something happened to me at work today and I would like to talk about it. Post ' || t.n, 'en', "
                    + "CASE WHEN t.n % 9 = 0 THEN ARRAY['RACISM'] WHEN t.n % 13 = 0 THEN ARRAY['SELF_HARM'] ELSE '{}'::text[] END, "
                    + "t.n % 5 = 0, (ARRAY['LISTENING','ADVICE','RESOURCES','SOLIDARITY'])[1 + t.n % 4], "
                    + "(ARRAY['GROUP','GROUP','GROUP','FACILITATORS_ONLY','CLOSED'])[1 + t.n % 5], "
                    + "CASE WHEN t.n % 97 = 0 THEN 'REMOVED' ELSE 'PUBLISHED' END, t.n % 500 = 0, t.created_at, t.created_at "
                    + "FROM gen_threads t JOIN gen_accounts a ON a.n = 1 + (t.n * 31) % " + size.accounts());
            s.execute(
                    "CREATE TEMP TABLE gen_replies ON COMMIT DROP AS SELECT r.i AS n, gen_random_uuid() AS id, t.id AS thread_id, "
                            + "t.group_id, least(now(), t.created_at + r.delay) AS created_at "
                            + "FROM (SELECT i, 1 + floor(" + size.threads()
                            + " * power(random(), 1.5))::int AS thread_n, "
                            + "random() * interval '3 days' AS delay FROM generate_series(1, " + size.replies()
                            + ") i) r JOIN gen_threads t ON t.n = r.thread_n");
            s.execute(
                    "INSERT INTO posts (id, group_id, author_id, parent_id, body, language, anonymous, status, created_at, "
                            + "last_activity_at) "
                            + "SELECT r.id, r.group_id, a.id, r.thread_id, 'I believe you. Reply ' || r.n, 'en', r.n % 11 = 0, "
                            + "'PUBLISHED', r.created_at, r.created_at "
                            + "FROM gen_replies r JOIN gen_accounts a ON a.n = 1 + (r.n * 17) % " + size.accounts());

            // About two reactions per post from random accounts.
            s.execute("INSERT INTO reactions (post_id, account_id, kind, created_at) "
                    + "SELECT p.id, a.id, (ARRAY['I_BELIEVE_YOU','ME_TOO','NOT_ALONE','SENDING_STRENGTH','THANK_YOU'])[1 + k % 5], now() "
                    + "FROM (SELECT id, row_number() OVER () AS rn FROM (SELECT id FROM gen_threads UNION ALL SELECT id FROM gen_replies) x) p "
                    + "CROSS JOIN generate_series(1, 2) k "
                    + "JOIN gen_accounts a ON a.n = 1 + ((p.rn * 7 + k * 104729) % " + size.accounts() + ") "
                    + "ON CONFLICT DO NOTHING");

            // Counters the triggers would have kept.
            s.execute("UPDATE posts p SET reply_count = c.replies, last_activity_at = greatest(p.created_at, c.latest) "
                    + "FROM (SELECT thread_id, count(*) AS replies, max(created_at) AS latest FROM gen_replies GROUP BY thread_id) c "
                    + "WHERE p.id = c.thread_id");
            s.execute(
                    "UPDATE posts p SET i_believe_you = c.a, me_too = c.b, not_alone = c.c, sending_strength = c.d, thank_you = c.e "
                            + "FROM (SELECT post_id, count(*) FILTER (WHERE kind = 'I_BELIEVE_YOU') a, count(*) FILTER (WHERE kind = 'ME_TOO') b, "
                            + "count(*) FILTER (WHERE kind = 'NOT_ALONE') c, count(*) FILTER (WHERE kind = 'SENDING_STRENGTH') d, "
                            + "count(*) FILTER (WHERE kind = 'THANK_YOU') e FROM reactions r JOIN posts x ON x.id = r.post_id "
                            + "JOIN groups g ON g.id = x.group_id WHERE g.slug LIKE '" + tag
                            + "-group-%' GROUP BY post_id) c "
                            + "WHERE p.id = c.post_id");
            s.execute(
                    "UPDATE groups g SET member_count = c.members FROM (SELECT group_id, count(*) AS members FROM memberships "
                            + "WHERE status = 'ACTIVE' GROUP BY group_id) c WHERE g.id = c.group_id AND g.slug LIKE '"
                            + tag + "-group-%'");
            s.execute(
                    "UPDATE groups g SET post_count = c.threads FROM (SELECT group_id, count(*) AS threads FROM posts "
                            + "WHERE parent_id IS NULL AND status = 'PUBLISHED' GROUP BY group_id) c WHERE g.id = c.group_id "
                            + "AND g.slug LIKE '" + tag + "-group-%'");
            connection.commit();
            connection.setAutoCommit(true);
            for (String table : new String[]{"accounts", "groups", "memberships", "posts", "reactions"}) {
                s.execute("ANALYZE " + table);
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** One real Argon2id hash (OWASP parameters) shared by every generated account, so sign-in can be benchmarked. */
    private static String passwordHash() {
        Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
        return argon2.hash(2, 19456, 1, PASSWORD.toCharArray());
    }
}

package org.kindred.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.kindred.support.Api;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Fails when a column that references accounts is neither exported nor on the reviewed exclusion list in
 * {@link PersonalData}, or when the list names a column that no longer exists.
 */
@QuarkusTest
class PersonalDataCoverageTest {

    @Test
    void everyColumnReferencingAccountsIsExportedOrExcludedForAReason() {
        Set<String> referencing = new TreeSet<>();
        try (var connection = Api.dataSource().getConnection();
                var statement = connection.createStatement();
                var rs = statement.executeQuery("""
                        SELECT c.conrelid::regclass::text, a.attname
                        FROM pg_constraint c
                        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
                        WHERE c.contype = 'f' AND c.confrelid = 'accounts'::regclass""")) {
            while (rs.next()) {
                referencing.add(rs.getString(1) + "." + rs.getString(2));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        assertTrue(referencing.size() >= 20, "found the schema's references to accounts: " + referencing);

        Set<String> listed = new TreeSet<>(PersonalData.EXPORTED.keySet());
        listed.addAll(PersonalData.EXCLUDED.keySet());
        Set<String> both = new HashSet<>(PersonalData.EXPORTED.keySet());
        both.retainAll(PersonalData.EXCLUDED.keySet());
        assertEquals(Set.of(), both, "a column is either exported or excluded, not both");

        Set<String> unreviewed = new TreeSet<>(referencing);
        unreviewed.removeAll(listed);
        assertEquals(Set.of(), unreviewed,
                "These columns reference accounts but are neither exported nor excluded in PersonalData: add them");
        Set<String> stale = new TreeSet<>(listed);
        stale.removeAll(referencing);
        assertEquals(Set.of(), stale, "PersonalData names columns that no longer reference accounts");
        PersonalData.EXCLUDED.forEach((column, reason) -> assertTrue(reason.length() > 20,
                "the exclusion of " + column + " needs a reason"));
    }
}

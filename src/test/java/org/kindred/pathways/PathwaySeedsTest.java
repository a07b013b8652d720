package org.kindred.pathways;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;
import org.kindred.pathways.api.BodyResponse;

import io.quarkus.test.junit.QuarkusTest;

/** The curated pathways file is valid and complete; an invalid one is refused with a clear message. */
@QuarkusTest
class PathwaySeedsTest {

    private static final String VALID = """
            pathways:
              - id: xx-test-pathway
                country: US
                subdivisions: [US-CA]
                name: A test pathway
                summary: For the validator test.
                areas: [WORK]
                bases: [AGE]
                body: {resourceKey: us-eeoc}
                steps: [Do it.]
                deadlines:
                  - id: claim
                    label: Claim
                    period: {amount: 3, unit: MONTHS}
                    from: ACT
                    lessOneDay: true
                    monthEnd: LAST_DAY_OF_MONTH
                    nextWorkingDay: false
                source: https://example.org/
                checked: 2026-11-01
                verified: false
                notLegalAdvice: Not legal advice.
            """;

    @Inject
    Validator validator;

    @Test
    void thePackagedFileCoversAtLeastEightJurisdictionsEachWithASourceACheckedDateAndTheNote() {
        List<PathwayEntry> entries = PathwaySeeds.validated(PathwaySeeds.read(), validator,
                PathwaySeeds.libraryBodies());
        Set<String> jurisdictions = entries.stream()
                .map(e -> e.subdivisions().isEmpty() ? e.country() : String.join("+", e.subdivisions()))
                .collect(Collectors.toSet());
        assertTrue(jurisdictions.size() >= 8, jurisdictions.toString());
        assertTrue(jurisdictions.containsAll(List.of("US", "US-CA", "US-NY", "GB-ENG+GB-WLS", "GB-SCT", "IE", "CA",
                "AU", "DE", "FR")), jurisdictions.toString());
        for (PathwayEntry entry : entries) {
            assertTrue(entry.source().startsWith("https://"), entry.id());
            assertFalse(entry.checked().isAfter(LocalDate.now()), entry.id());
            assertTrue(entry.notLegalAdvice().toLowerCase().contains("not legal advice"), entry.id());
        }
        Map<String, PathwayEntry> byId = entries.stream().collect(Collectors.toMap(PathwayEntry::id, e -> e));
        DeadlineRule eeoc = byId.get("us-eeoc-charge").deadlines().get(0);
        assertEquals(new Length(180, Length.Unit.DAYS), eeoc.period());
        assertEquals(new Length(300, Length.Unit.DAYS), eeoc.extensions().get(0).period());
        DeadlineRule tribunal = byId.get("gb-ew-employment-tribunal").deadlines().get(0);
        assertEquals(new Length(3, Length.Unit.MONTHS), tribunal.period());
        assertTrue(tribunal.lessOneDay() && tribunal.pause() != null, "three months less one day, pausable by ACAS");
        assertEquals(new Length(6, Length.Unit.MONTHS), byId.get("gb-ew-county-court").deadlines().get(0).period());
        assertEquals(new Length(12, Length.Unit.MONTHS),
                byId.get("ie-wrc-employment-equality").deadlines().get(0).extensions().get(0).period());
        assertEquals(new Length(1, Length.Unit.YEARS), byId.get("ca-chrc-complaint").deadlines().get(0).period());
        assertEquals(new Length(24, Length.Unit.MONTHS), byId.get("au-ahrc-complaint").deadlines().get(0).period());
        assertEquals(new Length(2, Length.Unit.MONTHS), byId.get("de-agg-employment").deadlines().get(0).period());
        assertEquals(new Length(5, Length.Unit.YEARS), byId.get("fr-work-civil-claim").deadlines().get(0).period());
    }

    @Test
    void aValidEntryPasses() {
        assertEquals(1, PathwaySeeds.validated(parse(VALID), validator, library()).size());
    }

    @Test
    void anUnknownEnumValueStopsTheStartNamingTheValue() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> parse(VALID.replace("areas: [WORK]", "areas: [SPACE]")));
        assertTrue(e.getMessage().startsWith("seeds/pathways.yaml is not valid"), e.getMessage());
        assertTrue(e.getMessage().contains("SPACE"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> parse(VALID.replace("bases: [AGE]", "bases: [AGES]")));
        assertTrue(e.getMessage().contains("AGES"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> parse(VALID.replace("unit: MONTHS", "unit: WEEKS")));
        assertTrue(e.getMessage().contains("WEEKS"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> parse(VALID.replace("name: A test", "nmae: A test")));
        assertTrue(e.getMessage().contains("nmae"), e.getMessage());
    }

    /**
     * Nobody has verified the packaged entries against their sources yet, so none may claim it; and every body is a
     * library resource, so a member finds the body (with its contact details) in the library too.
     */
    @Test
    void everyPackagedPathwayIsMarkedUnverifiedAndItsBodyIsALibraryResource() {
        Map<String, org.kindred.pathways.api.BodyResponse> library = PathwaySeeds.libraryBodies();
        List<PathwayEntry> entries = PathwaySeeds.validated(PathwaySeeds.read(), validator, library);
        assertEquals(List.of(), entries.stream().filter(PathwayEntry::verified).map(PathwayEntry::id).toList(),
                "marked verified without anyone having checked them against their source");
        List<String> notInLibrary = entries.stream()
                .filter(e -> e.body().resourceKey() == null || !library.containsKey(e.body().resourceKey()))
                .map(PathwayEntry::id).toList();
        assertEquals(List.of(), notInLibrary, "pathways whose body is not a library resource");
    }

    @Test
    void aMissingSourceCheckedDateOrVerifiedFlagIsRefusedWithEveryProblemListed() {
        String yaml = VALID.replace("    source: https://example.org/\n", "")
                .replace("    checked: 2026-11-01\n", "").replace("    verified: false\n", "");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PathwaySeeds.validated(parse(yaml), validator, library()));
        assertTrue(e.getMessage().contains("pathways[0].source: must not be null"), e.getMessage());
        assertTrue(e.getMessage().contains("pathways[0].checked: must not be null"), e.getMessage());
        assertTrue(e.getMessage().contains("pathways[0].verified: must not be null"), e.getMessage());
    }

    @Test
    void rulesBetweenFieldsAreChecked() {
        String twice = VALID + VALID.substring(VALID.indexOf("  - id:"));
        assertProblem(twice, "xx-test-pathway: the id is used twice");
        assertProblem(VALID.replace("[US-CA]", "[GB-SCT]"), "subdivision GB-SCT is not in US");
        assertProblem(VALID.replace("{resourceKey: us-eeoc}", "{resourceKey: no-such-resource}"),
                "resourceKey no-such-resource is not in seeds/resources.yaml");
        assertProblem(VALID.replace("{resourceKey: us-eeoc}",
                "{resourceKey: us-eeoc, name: Both, url: \"https://example.org/\"}"), "not both");
        assertProblem(VALID.replace("source: https://example.org/", "source: ftp://example.org/"),
                "pathways[0].source");
        assertProblem(VALID.replace("checked: 2026-11-01", "checked: 2999-01-01"), "pathways[0].checked");
        assertProblem(VALID.replace("amount: 3", "amount: 0"), "period.amount");
        assertProblem(VALID.replace("notLegalAdvice: Not legal advice.", "notLegalAdvice: \"\""), "notLegalAdvice");
    }

    private void assertProblem(String yaml, String expected) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PathwaySeeds.validated(parse(yaml), validator, library()));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static PathwayEntry.File parse(String yaml) {
        return PathwaySeeds.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, BodyResponse> library() {
        return Map.of("us-eeoc", new BodyResponse("EEOC", "https://www.eeoc.gov/", "us-eeoc"));
    }
}

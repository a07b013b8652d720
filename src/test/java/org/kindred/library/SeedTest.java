package org.kindred.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.kindred.library.api.CreateResourceRequest;
import org.kindred.platform.validation.HttpUrlValidator;
import org.kindred.support.Api;

import io.quarkus.test.junit.QuarkusTest;

/** The curated seed file is valid and real-looking, and loading it is idempotent. */
@QuarkusTest
class SeedTest {

    @Inject
    SeedLoader seeds;

    @Test
    void theSeedFileValidatesLikeApiRequests() {
        List<SeedEntry> entries = seeds.validated(SeedLoader.read());
        assertTrue(entries.size() >= 60, "at least 60 resources, got " + entries.size());

        Set<String> countries = entries.stream().flatMap(e -> e.resource().countries().stream())
                .filter(c -> !c.equals("GLOBAL")).collect(Collectors.toSet());
        assertTrue(countries.size() >= 10, "at least 10 countries, got " + countries);
        assertTrue(countries.containsAll(List.of("US", "GB", "CA", "AU", "IE", "DE", "FR", "ES", "IN", "ZA")),
                countries.toString());

        Set<ResourceType> types = entries.stream().map(e -> e.resource().type())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ResourceType.class)));
        assertTrue(types.containsAll(EnumSet.of(ResourceType.CRISIS_LINE, ResourceType.HELPLINE,
                ResourceType.REPORTING_BODY, ResourceType.LEGAL_AID, ResourceType.GUIDE)), types.toString());
        assertTrue(entries.stream().anyMatch(e -> e.resource().countries().equals(List.of("GLOBAL"))
                && e.resource().type() == ResourceType.CRISIS_LINE), "an international crisis line to fall back on");

        Set<String> urls = new HashSet<>();
        for (SeedEntry entry : entries) {
            CreateResourceRequest r = entry.resource();
            assertTrue(HttpUrlValidator.isHttpUrl(entry.source()), entry.key() + " source");
            assertTrue(HttpUrlValidator.isHttpUrl(r.url()), entry.key() + " url");
            assertTrue(urls.add(CuratedResource.urlKey(r.url())), entry.key() + " duplicates a URL");
            assertTrue(!entry.checked().isAfter(LocalDate.now()), entry.key() + " was checked in the future");
            if (r.type() == ResourceType.CRISIS_LINE && !r.countries().contains("GLOBAL")) {
                assertTrue(r.phone() != null || r.sms() != null, entry.key() + ": a national crisis line is callable");
            }
        }
        assertEquals(entries.size(), entries.stream().map(SeedEntry::key).distinct().count(), "keys are unique");
    }

    @Test
    void theKindsOfHelpTheIssueAsksForAreThere() {
        Map<String, SeedEntry> byKey = seeds.validated(SeedLoader.read()).stream()
                .collect(Collectors.toMap(SeedEntry::key, e -> e));
        assertEquals("988", byKey.get("us-988-lifeline").resource().phone());
        assertEquals("116 123", byKey.get("gb-ie-samaritans").resource().phone());
        assertEquals(List.of("GB", "IE"), byKey.get("gb-ie-samaritans").resource().countries());
        assertEquals("988", byKey.get("ca-988").resource().phone());
        assertEquals("13 11 14", byKey.get("au-lifeline").resource().phone());
        for (String key : List.of("us-eeoc", "us-hud-fheo", "gb-eass", "gb-ehrc", "ca-chrc", "au-ahrc", "ie-ihrec",
                "de-antidiskriminierungsstelle", "fr-defenseur-des-droits", "us-trevor-project",
                "gb-switchboard-lgbt", "gb-true-vision", "us-fbi-tips", "global-find-a-helpline",
                "global-iasp-crisis-centres", "global-pen-online-harassment-field-manual")) {
            assertTrue(byKey.containsKey(key), key);
        }
    }

    @Test
    void loadingAgainChangesNothingAndAChangedEntryUpdatesItsRow() {
        SeedLoader.Report again = seeds.load();
        int total = seeds.validated(SeedLoader.read()).size();
        assertEquals(total, again.count(ResourceCuration.SeedOutcome.UNCHANGED));
        assertEquals(total, Api.count("SELECT count(*) FROM curated_resources WHERE seed_key IS NOT NULL"));

        // Someone (a curator, or an older seed file) changed the row: the seed file wins only when it changes.
        Api.sql("UPDATE curated_resources SET phone = '0000', seed_hash = decode('00', 'hex') WHERE seed_key = ?",
                "us-988-lifeline");
        String seedUpdates = "SELECT count(*) FROM resource_changes c JOIN curated_resources r ON r.id = c.resource_id "
                + "WHERE r.seed_key = ? AND c.actor_kind = 'SEED' AND c.action = 'UPDATED'";
        long updatesBefore = Api.count(seedUpdates, "us-988-lifeline");
        SeedLoader.Report report = seeds.load();
        assertEquals(1, report.count(ResourceCuration.SeedOutcome.UPDATED));
        assertEquals(1, Api.count("SELECT count(*) FROM curated_resources WHERE seed_key = ? AND phone = '988'",
                "us-988-lifeline"));
        assertEquals(updatesBefore + 1, Api.count(seedUpdates, "us-988-lifeline"), "the seed's change is logged");
        assertEquals(total, seeds.load().count(ResourceCuration.SeedOutcome.UNCHANGED));
    }

    @Test
    void anInvalidSeedFileIsRefusedWithEveryProblemListed() {
        SeedEntry good = SeedLoader.read().resources().get(0);
        CreateResourceRequest bad = new CreateResourceRequest(good.resource().type(), good.resource().title(),
                good.resource().summary(), "ftp://example.org/", good.resource().organization(), List.of(), List.of(),
                List.of("XX"), List.of(), List.of("en"), null, null, null, null, false, good.resource().cost(), null);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> seeds.validated(new SeedEntry.File(Arrays.asList(good, good,
                        new SeedEntry("bad-entry", "https://example.org/", LocalDate.now(), bad)))));
        assertTrue(e.getMessage().contains("is used twice"), e.getMessage());
        assertTrue(e.getMessage().contains("url"), e.getMessage());
        assertTrue(e.getMessage().contains("countries"), e.getMessage());
    }
}

package org.kindred.library;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.kindred.library.api.CreateResourceRequest;
import org.kindred.library.api.UpdateResourceRequest;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.validation.LanguageTagValidator;

/**
 * The rules that turn requests into {@link ResourceContent}: what Bean Validation cannot check (the service area, nulls
 * in a merge patch) and the canonical form (stripped text, blank as null, lists without duplicates, canonical
 * language tags). Shared by the API's curation and the seed loader, so seeds obey the API's rules.
 */
final class ResourceContents {

    /** No content at all: the "before" of a resource's first change-log entry. */
    static final ResourceContent EMPTY = new ResourceContent(null, null, null, null, null, null, List.of(),
            List.of(), List.of(), List.of(), List.of(), null, null, null, null, false, null, null);

    private ResourceContents() {
    }

    /** Validated, canonical content of a create request (Bean Validation has checked the shapes). */
    static ResourceContent of(CreateResourceRequest r) {
        List<String> countries = distinct(r.countries(), Function.identity());
        List<String> regions = distinct(r.regions(), Function.identity());
        checkServiceArea(countries, regions);
        return new ResourceContent(r.type(), r.title().strip(), r.summary().strip(), r.url(),
                r.organization().name().strip(), blankToNull(r.organization().url()),
                distinct(r.bases(), Function.identity()), distinct(r.topics(), Function.identity()), countries,
                regions, distinct(r.languages(), LanguageTagValidator::canonical), blankToNull(r.phone()),
                blankToNull(r.sms()), blankToNull(r.email()), blankToNull(r.hours()),
                Boolean.TRUE.equals(r.available24x7()), r.cost(), blankToNull(r.eligibility()));
    }

    /** {@code c} with a JSON Merge Patch applied: absent fields stay, null clears what may be cleared. */
    static ResourceContent merged(ResourceContent c, UpdateResourceRequest p) {
        String organizationName = c.organizationName();
        String organizationUrl = c.organizationUrl();
        if (p.organization() != null) {
            UpdateResourceRequest.OrganizationPatch org = required("organization", p.organization());
            if (org.name() != null) {
                organizationName = required("organization.name", org.name()).strip();
            }
            if (org.url() != null) {
                organizationUrl = blankToNull(org.url().orElse(null));
            }
        }
        List<String> countries = p.countries() == null
                ? c.countries()
                : distinct(required("countries", p.countries()), Function.identity());
        List<String> regions = p.regions() == null
                ? c.regions()
                : distinct(requiredList("regions", p.regions()), Function.identity());
        checkServiceArea(countries, regions);
        return new ResourceContent(
                p.type() == null ? c.type() : required("type", p.type()),
                p.title() == null ? c.title() : required("title", p.title()).strip(),
                p.summary() == null ? c.summary() : required("summary", p.summary()).strip(),
                p.url() == null ? c.url() : required("url", p.url()),
                organizationName, organizationUrl,
                p.bases() == null ? c.bases() : distinct(requiredList("bases", p.bases()), Function.identity()),
                p.topics() == null ? c.topics() : distinct(requiredList("topics", p.topics()), Function.identity()),
                countries, regions,
                p.languages() == null
                        ? c.languages()
                        : distinct(required("languages", p.languages()), LanguageTagValidator::canonical),
                p.phone() == null ? c.phone() : blankToNull(p.phone().orElse(null)),
                p.sms() == null ? c.sms() : blankToNull(p.sms().orElse(null)),
                p.email() == null ? c.email() : blankToNull(p.email().orElse(null)),
                p.hours() == null ? c.hours() : blankToNull(p.hours().orElse(null)),
                p.available24x7() == null ? c.available24x7() : required("available24x7", p.available24x7()),
                p.cost() == null ? c.cost() : required("cost", p.cost()),
                p.eligibility() == null ? c.eligibility() : blankToNull(p.eligibility().orElse(null)));
    }

    /** GLOBAL stands alone; a region must lie in one of the resource's countries. */
    private static void checkServiceArea(List<String> countries, List<String> regions) {
        if (countries.contains(CuratedResource.GLOBAL) && countries.size() > 1) {
            throw new BadRequestException("countries", "GLOBAL cannot be combined with country codes");
        }
        for (int i = 0; i < regions.size(); i++) {
            if (!countries.contains(regions.get(i).substring(0, 2))) {
                throw new BadRequestException("regions[" + i + "]",
                        "must be a subdivision of one of the resource's countries");
            }
        }
    }

    private static <T> T required(String field, Optional<T> value) {
        return value.orElseThrow(() -> new BadRequestException(field, "cannot be null"));
    }

    private static <T> List<T> requiredList(String field, Optional<List<T>> value) {
        return value.orElseThrow(() -> new BadRequestException(field, "cannot be null; send [] to clear it"));
    }

    private static <T, R> List<R> distinct(List<T> values, Function<T, R> canonical) {
        if (values == null) {
            return List.of();
        }
        LinkedHashSet<R> result = new LinkedHashSet<>();
        values.forEach(v -> result.add(canonical.apply(v)));
        return List.copyOf(result);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

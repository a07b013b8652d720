package org.kindred.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.kindred.groups.Basis;
import org.kindred.groups.Topic;

/**
 * Everything a curator or partner edits about a resource, already validated and in canonical form (languages
 * canonical, lists without duplicates, blank optional text as null).
 */
public record ResourceContent(ResourceType type, String title, String summary, String url, String organizationName,
        String organizationUrl, List<Basis> bases, List<Topic> topics, List<String> countries, List<String> regions,
        List<String> languages, String phone, String sms, String email, String hours, boolean available24x7,
        Cost cost, String eligibility) {

    public ResourceContent {
        bases = List.copyOf(bases);
        topics = List.copyOf(topics);
        countries = List.copyOf(countries);
        regions = List.copyOf(regions);
        languages = List.copyOf(languages);
    }

    /** The fields that differ from {@code next}, named as in the API ({@code organization.url}). */
    public List<FieldChange> changesTo(ResourceContent next) {
        List<FieldChange> changes = new ArrayList<>();
        compare(changes, "type", type, next.type);
        compare(changes, "title", title, next.title);
        compare(changes, "summary", summary, next.summary);
        compare(changes, "url", url, next.url);
        compare(changes, "organization.name", organizationName, next.organizationName);
        compare(changes, "organization.url", organizationUrl, next.organizationUrl);
        compare(changes, "bases", bases, next.bases);
        compare(changes, "topics", topics, next.topics);
        compare(changes, "countries", countries, next.countries);
        compare(changes, "regions", regions, next.regions);
        compare(changes, "languages", languages, next.languages);
        compare(changes, "phone", phone, next.phone);
        compare(changes, "sms", sms, next.sms);
        compare(changes, "email", email, next.email);
        compare(changes, "hours", hours, next.hours);
        compare(changes, "available24x7", available24x7, next.available24x7);
        compare(changes, "cost", cost, next.cost);
        compare(changes, "eligibility", eligibility, next.eligibility);
        return changes;
    }

    private static void compare(List<FieldChange> changes, String field, Object previous, Object replacement) {
        if (!Objects.equals(previous, replacement)) {
            changes.add(FieldChange.of(field, previous, replacement));
        }
    }
}

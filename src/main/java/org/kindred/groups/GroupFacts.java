package org.kindred.groups;

import java.util.UUID;

/** What other features need to know about a group to decide access; no counters, no text beyond the rules. */
public record GroupFacts(UUID id, String slug, String name, Visibility visibility, boolean archived, int rulesVersion,
        String rules, String language) {
}

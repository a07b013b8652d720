package org.kindred.accounts;

import java.util.UUID;

/** The public face of an account, for other features that list people. */
public record AccountSummary(UUID id, String handle, String displayName, boolean professional) {
}

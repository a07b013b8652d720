package org.kindred.privacy;

import java.util.UUID;

/**
 * A section of the member's data export contributed by a feature above privacy in the stack (privacy cannot call up,
 * so higher features implement this and privacy collects every implementation). Called inside the export's read-only,
 * repeatable-read transaction: it must not write.
 */
public interface ExportContribution {

    /** The section's key under {@code sections} in the export (camelCase, unique). */
    String section();

    /** The member's data of this section, as a JSON-serialisable value. */
    Object export(UUID accountId);
}

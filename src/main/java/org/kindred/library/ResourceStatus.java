package org.kindred.library;

/** Where a resource is in curation: only PUBLISHED resources are public. */
public enum ResourceStatus {
    PUBLISHED, PENDING_REVIEW, ARCHIVED
}

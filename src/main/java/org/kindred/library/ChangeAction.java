package org.kindred.library;

/** What happened to a resource, in its change log. */
public enum ChangeAction {
    /** Created by a curator or loaded from the seed files, published at once. */
    CREATED,
    /** Submitted by a partner organisation; awaits review. */
    SUBMITTED, UPDATED, PUBLISHED, ARCHIVED,
    /** A curator confirmed the details are still correct. */
    VERIFIED
}

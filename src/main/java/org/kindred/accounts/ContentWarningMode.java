package org.kindred.accounts;

/** How a reader's hidden content warnings apply to lists: left out, or shown collapsed (body withheld). */
public enum ContentWarningMode {
    HIDE, COLLAPSE
}

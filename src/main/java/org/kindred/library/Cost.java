package org.kindred.library;

/** What using a resource costs. */
public enum Cost {
    FREE, LOW_COST, PAID
}

package org.kindred.pathways;

/**
 * Days during which a time limit's clock stood still, as the caller supplies them (e.g. the days of ACAS early
 * conciliation, from the day ACAS received the request to the day of the certificate). Only rules that say they can be
 * paused use it.
 */
public record Pause(int days) {
    public Pause {
        if (days < 0) {
            throw new IllegalArgumentException("a pause cannot be negative");
        }
    }
}

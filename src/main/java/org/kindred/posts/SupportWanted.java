package org.kindred.posts;

/** What the author of a thread is looking for. */
public enum SupportWanted {
    LISTENING, ADVICE, RESOURCES, SOLIDARITY
}

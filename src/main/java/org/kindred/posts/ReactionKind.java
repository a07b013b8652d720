package org.kindred.posts;

/** Supportive reactions. There are deliberately no negative ones. */
public enum ReactionKind {
    I_BELIEVE_YOU, ME_TOO, NOT_ALONE, SENDING_STRENGTH, THANK_YOU
}

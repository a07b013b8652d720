package org.kindred.accounts;

/** Content warnings a post can carry; members can hide any of them from their feed. */
public enum ContentWarning {
    RACISM, ANTISEMITISM, ISLAMOPHOBIA, HOMOPHOBIA, TRANSPHOBIA, MISOGYNY, ABLEISM, AGEISM, XENOPHOBIA, SLURS_QUOTED, VIOLENCE, SEXUAL_VIOLENCE, SELF_HARM, POLICE
}

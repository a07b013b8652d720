package org.kindred.pathways;

/** Where discrimination happened, as complaint routes divide it (a journal entry records the same areas). */
public enum Area {
    WORK, HOUSING, SERVICES, EDUCATION, POLICE, ONLINE, OTHER
}

package org.kindred.journal;

/** Where an incident happened, coarsely: the areas complaint routes are organised by. */
public enum Area {
    WORK, HOUSING, SERVICES, EDUCATION, POLICE, ONLINE, OTHER
}

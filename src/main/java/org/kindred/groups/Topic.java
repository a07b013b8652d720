package org.kindred.groups;

/** Where discrimination happens, or what a group is for (API.md). */
public enum Topic {
    WORKPLACE, HOUSING, EDUCATION, HEALTHCARE, POLICING_JUSTICE, PUBLIC_SPACES, ONLINE_HARASSMENT, FAMILY_COMMUNITY, REPORTING_LEGAL, WELLBEING_COPING, ALLYSHIP
}

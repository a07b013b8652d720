package org.kindred.library;

/** What kind of help a resource is (API.md). */
public enum ResourceType {
    ARTICLE, VIDEO, GUIDE, HELPLINE, CRISIS_LINE, LEGAL_AID, REPORTING_BODY, COUNSELLING, COMMUNITY_ORG;

    /** The types the crisis-lines endpoint and the safety check offer. */
    public boolean isCrisisSupport() {
        return this == CRISIS_LINE || this == HELPLINE;
    }
}

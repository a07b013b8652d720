package org.kindred.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** What an endpoint subscribes to. Partners: the resource events; operators: any, care.held included. */
public enum WebhookEventType {
    RESOURCE_PUBLISHED("resource.published", false), RESOURCE_UPDATED("resource.updated",
            false), RESOURCE_ARCHIVED("resource.archived", false), CARE_HELD("care.held", true);

    /** For {@code @Pattern}: every name. */
    public static final String PATTERN = "resource\\.published|resource\\.updated|resource\\.archived|care\\.held";

    private final String wireName;
    private final boolean operatorOnly;

    WebhookEventType(String wireName, boolean operatorOnly) {
        this.wireName = wireName;
        this.operatorOnly = operatorOnly;
    }

    public String wireName() {
        return wireName;
    }

    public boolean operatorOnly() {
        return operatorOnly;
    }

    public static Optional<WebhookEventType> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }
}

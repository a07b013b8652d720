package org.kindred.push.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PushSubscriptionList", description = "Your devices, newest first (at most `KINDRED_PUSH_MAX_SUBSCRIPTIONS_PER_ACCOUNT`, not paginated)")
public record PushSubscriptionList(@Schema(required = true, maxItems = 100) List<PushSubscriptionResponse> items) {
}

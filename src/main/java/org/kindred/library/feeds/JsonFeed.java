package org.kindred.library.feeds;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.library.api.ResourceResponse;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/). Optional members are left out when empty. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "JsonFeed", description = "JSON Feed 1.1. Each item's `_kindred` member is the full Resource.")
public record JsonFeed(
        @Schema(required = true, example = "https://jsonfeed.org/version/1.1") String version,
        @Schema(required = true, example = "Kindred resource library") String title,
        @JsonProperty("feed_url") @Schema(description = "This feed's URL, with its filters") String feedUrl,
        @Schema(example = "Curated help for people facing discrimination: helplines, where to report, legal aid, guides.") String description,
        @JsonProperty("next_url") @Schema(description = "The next page; absent on the last page") String nextUrl,
        @Schema(required = true, description = "`[]` when nothing matches") List<Item> items) {

    public static final String VERSION = "https://jsonfeed.org/version/1.1";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "JsonFeedItem")
    public record Item(
            @Schema(required = true, description = "The resource id") String id,
            @Schema(description = "The resource's page", example = "https://www.samaritans.org/") String url,
            @Schema(example = "Samaritans") String title,
            @JsonProperty("content_text") @Schema(required = true, description = "The resource's summary") String contentText,
            @JsonProperty("date_published") Instant datePublished,
            @JsonProperty("date_modified") Instant dateModified,
            @Schema(description = "Type, grounds and topics", example = "[\"CRISIS_LINE\", \"WELLBEING_COPING\"]") List<String> tags,
            @Schema(description = "The first of the resource's languages", example = "en") String language,
            @Schema(description = "The providing organisation") List<Author> authors,
            @JsonProperty("_kindred") @Schema(description = "The full resource (a JSON Feed extension)") ResourceResponse kindred) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "JsonFeedAuthor")
    public record Author(@Schema(example = "Samaritans") String name,
            @Schema(example = "https://www.samaritans.org/") String url) {
    }
}

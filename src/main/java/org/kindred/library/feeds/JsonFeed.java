package org.kindred.library.feeds;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.library.api.ResourceResponse;
import org.kindred.platform.openapi.ApiTypes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/). Optional members are left out when empty. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "JsonFeed", description = "JSON Feed 1.1. Each item's `_kindred` member is the full Resource.")
public record JsonFeed(
        @Schema(required = true, example = "https://jsonfeed.org/version/1.1", enumeration = "https://jsonfeed.org/version/1.1") String version,
        @Schema(required = true, example = "Kindred resource library", maxLength = 200) String title,
        @JsonProperty("feed_url") @Schema(description = "This feed's URL, with its filters", maxLength = 8192, format = "uri") String feedUrl,
        @Schema(example = "Curated help for people facing discrimination: helplines, where to report, legal aid, guides.", maxLength = 500) String description,
        @JsonProperty("next_url") @Schema(description = "The next page; absent on the last page", maxLength = 8192, format = "uri") String nextUrl,
        @Schema(required = true, description = "`[]` when nothing matches", maxItems = 100) List<Item> items) {

    public static final String VERSION = "https://jsonfeed.org/version/1.1";

    /** For the OpenAPI document: an item tag is the name of a ResourceType, Basis or Topic. */
    @Schema(name = "JsonFeedTag", type = SchemaType.STRING, maxLength = 32, pattern = "^[A-Z0-9_]+$", description = "A ResourceType, Basis or Topic value")
    public static final class Tag {
        private Tag() {
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "JsonFeedItem")
    public record Item(
            @Schema(required = true, description = "The resource id", format = "uuid", minLength = 36, maxLength = 36) String id,
            @Schema(description = "The resource's page", example = "https://www.samaritans.org/", maxLength = 2048, format = "uri") String url,
            @Schema(example = "Samaritans", maxLength = 200) String title,
            @JsonProperty("content_text") @Schema(required = true, description = "The resource's summary", maxLength = 2000) String contentText,
            @JsonProperty("date_published") Instant datePublished,
            @JsonProperty("date_modified") Instant dateModified,
            @Schema(description = "Type, grounds and topics", example = "[\"CRISIS_LINE\", \"WELLBEING_COPING\"]", type = SchemaType.ARRAY, implementation = JsonFeed.Tag.class, maxItems = 22) List<String> tags,
            @Schema(description = "The first of the resource's languages", example = "en", ref = ApiTypes.LANGUAGE_TAG) String language,
            @Schema(description = "The providing organisation", maxItems = 1) List<Author> authors,
            @JsonProperty("_kindred") @Schema(description = "The full resource (a JSON Feed extension)") ResourceResponse kindred) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "JsonFeedAuthor")
    public record Author(@Schema(example = "Samaritans", maxLength = 200) String name,
            @Schema(example = "https://www.samaritans.org/", maxLength = 2048, format = "uri") String url) {
    }
}

package org.kindred.library;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;
import org.kindred.groups.Basis;
import org.kindred.groups.Topic;
import org.kindred.library.api.ServiceArea;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.openapi.ApiTypes;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.validation.LanguageTag;
import org.kindred.platform.validation.LanguageTagValidator;

/**
 * The query of the public resource list and the feeds: paging and the public filters. Enum-valued parameters are
 * parsed here, not by JAX-RS, so a wrong value is a 400 naming the parameter rather than a 404.
 */
public class PublicFilterParams {

    @RestQuery
    @DefaultValue("20")
    @Min(value = 1, message = "must be between 1 and 100")
    @Max(value = PageParams.MAX_LIMIT, message = "must be between 1 and 100")
    @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, format = "int32", defaultValue = "20", minimum = "1", maximum = "100"))
    public int limit = PageParams.DEFAULT_LIMIT;

    @RestQuery
    @Size(max = 1024, message = "is not a valid cursor")
    @Parameter(description = "Opaque cursor from the previous page; omit for the first page")
    public String cursor;

    @RestQuery
    @Parameter(description = "Only this kind of resource", schema = @Schema(implementation = ResourceType.class))
    public String type;

    @RestQuery
    @Parameter(description = "Only resources for this ground of discrimination", schema = @Schema(implementation = Basis.class))
    public String basis;

    @RestQuery
    @Parameter(description = "Only resources about this", schema = @Schema(implementation = Topic.class))
    public String topic;

    @RestQuery
    @ServiceArea
    @Parameter(description = "ISO 3166-1 alpha-2 country: resources serving it, and those serving everywhere (GLOBAL). `GLOBAL` alone lists only the international ones.", example = "GB", schema = @Schema(ref = ApiTypes.SERVICE_AREA))
    public String country;

    @RestQuery
    @LanguageTag
    @Parameter(description = "BCP 47 tag: resources offered in it (`pt-BR` also matches resources tagged `pt`)", example = "en", schema = @Schema(ref = ApiTypes.LANGUAGE_TAG))
    public String language;

    @RestQuery
    @Size(max = 200)
    @Parameter(description = "Full-text search (English stemming; `\"quoted phrases\"`, `or`, `-excluded` work). Results are ordered by relevance: matches in the title weigh more than matches in the summary.", example = "housing discrimination")
    public String q;

    @RestQuery
    @Parameter(description = "RFC 3339 timestamp: only resources changed at or after it, oldest change first, for delta sync. "
            + "On the list (not the feeds) this also returns resources ARCHIVED since then, as tombstones to delete.", schema = @Schema(type = SchemaType.STRING, format = "date-time", minLength = 20, maxLength = 35), example = "2026-11-01T00:00:00Z")
    public String modifiedSince;

    public PageParams page() {
        return new PageParams(limit, cursor);
    }

    public ResourceFilter filter() {
        return new ResourceFilter(parse(ResourceType.class, "type", type), parse(Basis.class, "basis", basis),
                parse(Topic.class, "topic", topic), country, LanguageTagValidator.canonical(language), q,
                timestamp("modifiedSince", modifiedSince), null, false);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static Instant timestamp(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name, "must be an RFC 3339 timestamp, e.g. 2026-11-23T18:00:00Z");
        }
    }
}

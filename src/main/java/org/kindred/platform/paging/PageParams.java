package org.kindred.platform.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** The {@code ?limit=&cursor=} pair every list accepts. */
public class PageParams {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    @RestQuery("limit")
    @DefaultValue("20")
    @Min(value = 1, message = "must be between 1 and 100")
    @Max(value = MAX_LIMIT, message = "must be between 1 and 100")
    @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, format = "int32", defaultValue = "20", minimum = "1", maximum = "100"))
    public int limit = DEFAULT_LIMIT;

    @RestQuery("cursor")
    @Size(max = 1024, message = "is not a valid cursor")
    @Parameter(description = "Opaque cursor from a page's `nextCursor` (the next page) or `prevCursor` (the previous page); omit for the first page")
    public String cursor;

    public PageParams() {
    }

    public PageParams(int limit, String cursor) {
        this.limit = limit;
        this.cursor = cursor;
    }
}

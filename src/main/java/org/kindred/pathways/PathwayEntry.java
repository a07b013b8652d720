package org.kindred.pathways;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.kindred.groups.Basis;
import org.kindred.platform.validation.CountryCode;
import org.kindred.platform.validation.HttpUrl;

/**
 * One complaint pathway of {@code seeds/pathways.yaml}, as curated: where it applies (country, optional ISO 3166-2
 * subdivisions, areas, grounds), the body that receives the complaint (a library resource key, or a name and URL),
 * the steps in order, the time limits as data, where and when it was checked, and whether a curator verified it
 * against that source ({@code verified}: stated in the file, never assumed).
 */
public record PathwayEntry(
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,79}", message = "must be 3 to 80 characters of a-z, 0-9 and -") String id,
        @NotNull @CountryCode String country,
        @NotNull List<@NotNull @Pattern(regexp = "[A-Z]{2}-[A-Z0-9]{1,3}", message = "must be an ISO 3166-2 code, e.g. US-CA") String> subdivisions,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 1000) String summary,
        @NotNull @Size(min = 1) List<@NotNull Area> areas,
        @NotNull @Size(min = 1) List<@NotNull Basis> bases,
        @NotNull @Valid Body body,
        @NotNull @Size(min = 1) List<@NotBlank @Size(max = 1000) String> steps,
        @NotNull List<@NotNull @Valid DeadlineRule> deadlines,
        @NotNull @HttpUrl String source,
        @NotNull @PastOrPresent LocalDate checked,
        @NotNull Boolean verified,
        @NotBlank @Size(max = 1000) String notLegalAdvice) {

    public PathwayEntry {
        subdivisions = subdivisions == null ? List.of() : subdivisions;
        deadlines = deadlines == null ? List.of() : deadlines;
    }

    /** The body: a resource of the library by its seed key, or (when the library has none) a name and URL. */
    public record Body(
            @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,99}") String resourceKey,
            @Size(max = 200) String name,
            @HttpUrl String url) {
    }

    /** The whole file. */
    public record File(@NotNull @Size(min = 1) List<@NotNull @Valid PathwayEntry> pathways) {
    }
}

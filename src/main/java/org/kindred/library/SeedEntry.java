package org.kindred.library;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.kindred.library.api.CreateResourceRequest;
import org.kindred.platform.validation.HttpUrl;

/**
 * One curated resource in {@code seeds/resources.yaml}: a stable key (rows are matched by it, so a changed entry
 * updates its row), where the details were checked and when, and the resource itself in the shape of the API's
 * create request (and validated like one).
 */
public record SeedEntry(
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,99}", message = "must be 3 to 100 characters of a-z, 0-9 and -") String key,
        @NotNull @HttpUrl String source,
        @NotNull @PastOrPresent LocalDate checked,
        @NotNull @Valid CreateResourceRequest resource) {

    /** The whole file. */
    public record File(@NotNull @Size(min = 1) List<@NotNull @Valid SeedEntry> resources) {
    }
}

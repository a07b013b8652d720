package org.kindred.pathways;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A time limit's length, e.g. 180 DAYS or 3 MONTHS. */
@Schema(description = "A length of time", example = "{\"amount\": 3, \"unit\": \"MONTHS\"}")
public record Length(
        @Schema(required = true, minimum = "1", maximum = "3660", example = "3") @Min(1) @Max(3660) int amount,
        @Schema(required = true) @NotNull Unit unit) {

    /** Units of a time limit. */
    public enum Unit {
        DAYS, MONTHS, YEARS
    }

    @Override
    public String toString() {
        String name = unit.name().toLowerCase(java.util.Locale.ROOT);
        return amount + " " + (amount == 1 ? name.substring(0, name.length() - 1) : name);
    }
}

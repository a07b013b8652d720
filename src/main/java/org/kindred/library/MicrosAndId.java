package org.kindred.library;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The keyset position of the library's time-ordered lists (a resource's change log, the partners): a timestamp, as
 * microseconds since the epoch (the database's precision), and the id that breaks ties. Their cursors have carried
 * this form from the start, so these lists keep it instead of {@link org.kindred.platform.paging.KeysetPaging.TimeAndId}
 * and cursors handed out earlier keep working.
 */
public record MicrosAndId(Instant at, UUID id) {

    /** The position a cursor's two values name; null for the first page. */
    public static MicrosAndId of(List<String> values) {
        return values == null
                ? null
                : new MicrosAndId(Instant.EPOCH.plus(Long.parseLong(values.get(0)), ChronoUnit.MICROS),
                        UUID.fromString(values.get(1)));
    }

    public static List<String> key(Instant at, UUID id) {
        return List.of(Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, at)), id.toString());
    }

    public static Instant at(MicrosAndId position) {
        return position == null ? null : position.at();
    }

    public static UUID id(MicrosAndId position) {
        return position == null ? null : position.id();
    }
}

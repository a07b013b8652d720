package org.kindred.library;

import java.time.Instant;

/**
 * The public library at one moment, as the feeds need it: a fingerprint that changes whenever any feed page's content
 * could (see {@code CuratedResourceRepository.publicSnapshot}), and when anything public last changed (the feeds'
 * Last-Modified; null while the library is empty).
 */
public record PublicSnapshot(String fingerprint, Instant lastChange) {
}

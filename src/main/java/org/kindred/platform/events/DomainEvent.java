package org.kindred.platform.events;

/**
 * Something that happened in one feature that a feature higher in the stack may react to. Every event is a record in
 * its owning feature's {@code events} package, fired with CDI {@code Event<DomainEvent>} inside the transaction that
 * made the change; observers ({@code @Observes}) run synchronously in that same transaction, so a change and its
 * consequences (the moderation-log line, the queue entry, the erasure) commit or roll back together. The catalogue of
 * every event and its fields is the README's "Event catalogue"; {@code EventCatalogueTest} keeps the two equal.
 */
public interface DomainEvent {
}

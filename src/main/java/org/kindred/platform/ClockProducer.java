package org.kindred.platform;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

public class ClockProducer {
    @Produces
    @ApplicationScoped
    Clock clock() {
        // PostgreSQL keeps microseconds: a finer clock would make a created object differ from its re-read self.
        return Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1000));
    }
}

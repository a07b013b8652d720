package org.kindred.privacy.properties;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import net.jqwik.api.Arbitraries;

/**
 * I2–I6 over random action sequences in one world: checked around every step (what a step may change: I3, I4) and on
 * the world afterwards (what anyone can read: I2, I4, I5, I6). See {@link Invariants}.
 */
@QuarkusTest
class CareAndPrivacyPropertiesTest {

    @Test
    void careAndPrivacyInvariantsHoldAfterEveryStep() {
        Sequences.check("I2-I6 care and privacy", 3, Arbitraries.of("PUBLIC", "PUBLIC", "PRIVATE"),
                Step.sequences(10, 30, true),
                (visibility, steps) -> Invariants.runChecked(World.create(visibility, World.Rules.NONE), steps));
    }
}

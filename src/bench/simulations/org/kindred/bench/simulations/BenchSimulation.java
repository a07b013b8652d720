package org.kindred.bench.simulations;

import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.time.Duration;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * What every scenario shares: a closed loop of {@link BenchRun#users()} users, each on its own keep-alive connection
 * like pgbench's clients, first warming up, then measured. Warm-up requests are named {@code warm-up: <name>}, so the
 * report keeps them apart from the measured ones. Warm-up requests also check what the response says (a full page, the
 * expected number of items), so a wrong fixture shows up as errors; measured requests check the status only, to keep
 * the load generator's work small.
 */
abstract class BenchSimulation extends Simulation {

    static final String WARM_UP = "warm-up: ";

    /**
     * Loopback only: Gatling's own warm-up call goes to our server instead of gatling.io, and Gatling's HTTP cache is
     * off, so every request reaches the server and conditional requests are sent only where a scenario asks for them.
     */
    static HttpProtocolBuilder protocol() {
        return http.baseUrl(BenchRun.baseUrl()).warmUp(BenchRun.baseUrl() + "/q/health/live").disableCaching()
                .acceptHeader("application/json").userAgentHeader("kindred-bench");
    }

    /** One step of a scenario, named {@code name}; {@code verify} asks for the content checks of the warm-up. */
    interface Step {
        ChainBuilder named(String name, boolean verify);
    }

    /** The scenario: {@code step} runs in a loop, named for the warm-up and then for the measured period. */
    static ScenarioBuilder loop(String name, FeederBuilder<?> feeder, Step step) {
        return scenario(name)
                .exec(during(BenchRun.warmUp()).on(feed(feeder).exec(step.named(WARM_UP + name, true))))
                .exec(during(BenchRun.measured()).on(feed(feeder).exec(step.named(name, false))));
    }

    /** The same loop for a step without feeder data (the public resource feed). */
    static ChainBuilder loop(String name, Step step) {
        return exec(during(BenchRun.warmUp()).on(step.named(WARM_UP + name, true)))
                .exec(during(BenchRun.measured()).on(step.named(name, false)));
    }

    /** Bounded in time whatever happens: warm-up, measured period and a minute to drain. */
    static Duration maxDuration() {
        return BenchRun.warmUp().plus(BenchRun.measured()).plusSeconds(60);
    }
}

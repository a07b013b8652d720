package org.kindred.bench.simulations;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ChainBuilder;

/**
 * Not a scenario: run once after the server starts, so the JIT has compiled the shared request path (security, the
 * session check, Hibernate, Jackson) before the first scenario is measured. A JVM that sees one CPU compiles slowly,
 * and without this the first scenario would measure the compiler. Every read scenario's request, in turn, with the
 * warm-up's content checks; nothing here is reported except its errors.
 */
public class ServerWarmUpSimulation extends BenchSimulation {

    static final String PREFIX = "server warm-up: ";

    {
        ChainBuilder round = feed(csv(BenchRun.feeder("readers")).random())
                .exec(FeedFirstPageSimulation.firstPage(PREFIX + FeedFirstPageSimulation.NAME, true))
                .feed(csv(BenchRun.feeder("deepPages")).random())
                .exec(FeedDeepPageSimulation.deepPage(PREFIX + FeedDeepPageSimulation.NAME, true))
                .feed(csv(BenchRun.feeder("threads")).random())
                .exec(ThreadPageSimulation.threadPage(PREFIX + ThreadPageSimulation.NAME, true))
                .exec(ResourceFeedSimulation.resourceFeed(PREFIX + ResourceFeedSimulation.NAME, true));
        setUp(scenario("server warm-up").during(BenchRun.serverWarmUp()).on(round)
                .injectOpen(atOnceUsers(BenchRun.users())))
                .protocols(protocol()).maxDuration(BenchRun.serverWarmUp().plusSeconds(60));
    }
}

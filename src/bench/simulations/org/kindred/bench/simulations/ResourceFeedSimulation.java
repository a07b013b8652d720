package org.kindred.bench.simulations;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/** Scenario 5: the public JSON Feed of the resource library, as a partner site fetches it (no token), in full. */
public class ResourceFeedSimulation extends BenchSimulation {

    static final String NAME = "resource feed";

    static ChainBuilder resourceFeed(String name, boolean verify) {
        HttpRequestActionBuilder request = http(name).get("/api/v1/feeds/resources.json")
                .header("Accept", "application/feed+json").check(status().is(200));
        return exec(verify ? request.check(jmesPath("length(items)").ofInt().gt(0)) : request);
    }

    {
        setUp(scenario(NAME).exec(loop(NAME, ResourceFeedSimulation::resourceFeed))
                .injectOpen(atOnceUsers(BenchRun.users())))
                .protocols(protocol()).maxDuration(maxDuration());
    }
}

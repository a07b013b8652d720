package org.kindred.bench.simulations;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * Scenario 3: a thread as an app shows it, the post and then its first 20 replies (two requests, reported together as
 * one page view). Threads are the ones with the most replies, so pages are as full as the data set allows.
 */
public class ThreadPageSimulation extends BenchSimulation {

    static final String NAME = "post with 20 replies";

    /** The page view as a group named {@code name}; its two requests carry the same prefix (e.g. warm-up). */
    static ChainBuilder threadPage(String name, boolean verify) {
        String prefix = name.substring(0, name.length() - NAME.length());
        HttpRequestActionBuilder replies = http(prefix + "replies").get("/api/v1/posts/#{threadId}/replies")
                .queryParam("limit", "20").header("Authorization", "Bearer #{token}").check(status().is(200));
        return group(name).on(
                http(prefix + "post").get("/api/v1/posts/#{threadId}").header("Authorization", "Bearer #{token}")
                        .check(status().is(200)),
                verify ? replies.check(jmesPath("length(items)").ofInt().gt(0)) : replies);
    }

    {
        setUp(loop(NAME, csv(BenchRun.feeder("threads")).random(), ThreadPageSimulation::threadPage)
                .injectOpen(atOnceUsers(BenchRun.users())))
                .protocols(protocol()).maxDuration(maxDuration());
    }
}

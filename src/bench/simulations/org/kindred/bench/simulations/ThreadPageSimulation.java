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
 * Scenario 3: a thread as an app shows it, the post and its first 20 replies, in one request
 * ({@code GET /posts/{id}/thread?limit=20}; until 2026-12-07 an app needed {@code GET /posts/{id}} and then
 * {@code GET /posts/{id}/replies}). Threads are the ones with the most replies, so pages are as full as the data set
 * allows.
 */
public class ThreadPageSimulation extends BenchSimulation {

    static final String NAME = "post with 20 replies";

    /** The page view as a group named {@code name}; its request carries the same prefix (e.g. warm-up). */
    static ChainBuilder threadPage(String name, boolean verify) {
        String prefix = name.substring(0, name.length() - NAME.length());
        HttpRequestActionBuilder page = http(prefix + "thread").get("/api/v1/posts/#{threadId}/thread")
                .queryParam("limit", "20").header("Authorization", "Bearer #{token}").check(status().is(200));
        return group(name).on(verify
                ? page.check(jmesPath("post.id").isEL("#{threadId}"), jmesPath("length(replies.items)").ofInt().gt(0))
                : page);
    }

    {
        setUp(loop(NAME, csv(BenchRun.feeder("threads")).random(), ThreadPageSimulation::threadPage)
                .injectOpen(atOnceUsers(BenchRun.users())))
                .protocols(protocol()).maxDuration(maxDuration());
    }
}

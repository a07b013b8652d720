package org.kindred.bench.simulations;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Scenario 4: a member replies to a thread of one of their groups, with a fresh Idempotency-Key as apps send it.
 */
public class CreateReplySimulation extends BenchSimulation {

    static final String NAME = "create reply";

    /** The same body the pgbench script inserts. */
    static final String BODY = "{\"body\":\"I believe you. What happened to you was not okay, and you are not alone.\"}";

    {
        setUp(loop(NAME, csv(BenchRun.feeder("replies")).random(),
                (name, verify) -> exec(http(name).post("/api/v1/posts/#{threadId}/replies")
                        .header("Authorization", "Bearer #{token}").header("Idempotency-Key", "#{randomUuid()}")
                        .header("Content-Type", "application/json").body(StringBody(BODY))
                        .check(status().is(201))))
                .injectOpen(atOnceUsers(BenchRun.users())))
                .protocols(protocol()).maxDuration(maxDuration());
    }
}

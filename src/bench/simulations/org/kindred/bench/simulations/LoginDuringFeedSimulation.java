package org.kindred.bench.simulations;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Scenario 6: sign-ins (Argon2id) arrive at a modest fixed rate while scenario 1's readers keep reading, to show that
 * password hashing does not starve reads. Sign-ins start when the readers' warm-up ends and each comes from a new
 * connection, as from a new client.
 */
public class LoginDuringFeedSimulation extends BenchSimulation {

    static final String READS = "feed page 1 during logins";
    static final String LOGIN = "login";

    {
        String body = "{\"email\":\"#{email}\",\"password\":\"" + BenchRun.password() + "\"}";
        setUp(loop(READS, csv(BenchRun.feeder("readers")).random(), FeedFirstPageSimulation::firstPage)
                .injectOpen(atOnceUsers(BenchRun.users())),
                scenario(LOGIN).feed(csv(BenchRun.feeder("logins")).random())
                        .exec(http(LOGIN).post("/api/v1/auth/login").header("Content-Type", "application/json")
                                .body(StringBody(body))
                                .check(status().is(200), jmesPath("accessToken").exists()))
                        .injectOpen(nothingFor(BenchRun.warmUp()),
                                constantUsersPerSec(BenchRun.loginsPerSecond()).during(BenchRun.measured())))
                .protocols(protocol()).maxDuration(maxDuration());
    }
}

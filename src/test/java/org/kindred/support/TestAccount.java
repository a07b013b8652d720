package org.kindred.support;

import java.util.UUID;

/** An account registered through the real API, with the tokens it got back. */
public record TestAccount(UUID id, String email, String handle, String password, String accessToken,
        String refreshToken) {

    public TestAccount withTokens(String access, String refresh) {
        return new TestAccount(id, email, handle, password, access, refresh);
    }
}

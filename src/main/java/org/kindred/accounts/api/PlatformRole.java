package org.kindred.accounts.api;

import com.fasterxml.jackson.annotation.JsonValue;

/** Platform roles an admin can grant; every account is also a {@code member}. */
public enum PlatformRole {
    PROFESSIONAL("professional"), ADMIN("admin");

    private final String value;

    PlatformRole(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}

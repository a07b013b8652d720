package org.kindred.accounts;

public enum AccountStatus {
    ACTIVE, SUSPENDED, DELETED
}

package org.kindred.accounts;

import java.util.List;

import org.kindred.accounts.api.AdminAccountResponse;
import org.kindred.accounts.api.MeResponse;
import org.kindred.accounts.api.PublicProfileResponse;

final class AccountMapper {

    private AccountMapper() {
    }

    static MeResponse toMe(Account a, String pendingEmail, int currentGuidelines) {
        return new MeResponse(a.id(), a.email(), a.handle(), a.displayName(), a.country(), a.languages(), a.birthYear(),
                a.hiddenContentWarnings(), a.contentWarningMode(), List.copyOf(a.roles()), a.guidelinesVersion(),
                a.createdAt(), a.updatedAt(),
                a.emailVerified(), a.guidelinesVersion() < currentGuidelines, pendingEmail);
    }

    static PublicProfileResponse toPublic(Account a) {
        return new PublicProfileResponse(a.handle(), a.displayName(), a.isProfessional(), a.createdAt());
    }

    static AdminAccountResponse toAdmin(Account a) {
        return new AdminAccountResponse(a.id(), a.handle(), List.copyOf(a.roles()), a.status().name(), a.createdAt());
    }
}

package org.kindred.library;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.kindred.library.partners.PartnerScopes;
import org.kindred.platform.error.ForbiddenException;
import org.kindred.platform.error.UnauthorizedException;
import org.kindred.platform.security.CurrentPartner;
import org.kindred.platform.security.CurrentUser;

/**
 * Who may do what in the library. Anyone reads published resources. Admins curate everything. A partner
 * organisation (X-Api-Key with {@code resources:submit}) submits resources and sees, edits or withdraws its own
 * submissions while they wait for review. Members have no curation rights.
 */
@ApplicationScoped
public class LibraryAccess {

    /** The caller as far as visibility goes. */
    record Viewer(boolean admin, UUID partnerId) {
        static final Viewer PUBLIC = new Viewer(false, null);

        boolean mayView(CuratedResource resource) {
            return admin || resource.isPublished() || resource.wasSubmittedBy(partnerId);
        }
    }

    private final CurrentUser currentUser;
    private final CurrentPartner currentPartner;

    public LibraryAccess(CurrentUser currentUser, CurrentPartner currentPartner) {
        this.currentUser = currentUser;
        this.currentPartner = currentPartner;
    }

    Viewer viewer() {
        Optional<CurrentPartner.Identity> partner = currentPartner.get();
        if (partner.isPresent()) {
            return new Viewer(false, partner.get().partnerId());
        }
        return new Viewer(currentUser.isAuthenticated() && currentUser.isAdmin(), null);
    }

    /** An admin, or a partner whose key may submit resources; 401 for anonymous callers, 403 for members. */
    Actor requireCurator() {
        Optional<CurrentPartner.Identity> partner = currentPartner.get();
        if (partner.isPresent()) {
            if (!partner.get().scopes().contains(PartnerScopes.RESOURCES_SUBMIT)) {
                throw new ForbiddenException("missing-scope", "Missing scope",
                        "This API key does not have the scope this operation needs: " + PartnerScopes.RESOURCES_SUBMIT);
            }
            return Actor.partner(partner.get().partnerId());
        }
        return requireAdmin();
    }

    Actor requireAdmin() {
        if (currentPartner.isAuthenticated()) {
            throw new ForbiddenException("Only platform admins may do this");
        }
        UUID account = currentUser.accountId().orElseThrow(() -> new UnauthorizedException("unauthenticated",
                "This operation needs an access token (Authorization: Bearer ...) or a partner API key (X-Api-Key)"));
        if (!currentUser.isAdmin()) {
            throw new ForbiddenException("Only platform admins and partner organisations curate the library");
        }
        return Actor.admin(account);
    }
}

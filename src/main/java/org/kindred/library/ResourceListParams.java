package org.kindred.library;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;
import org.kindred.platform.error.BadRequestException;

/** The query of the resource list: the public filters plus the curators' ones. */
public class ResourceListParams extends PublicFilterParams {

    @RestQuery
    @Parameter(description = "Admins: resources in this status. Partners (X-Api-Key with `resources:submit`): their own submissions in this status.", schema = @Schema(implementation = ResourceStatus.class))
    public String status;

    @RestQuery
    @Parameter(description = "Admins: `true` lists published resources not verified within the configured period (365 days by default), least recently verified first", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.BOOLEAN))
    public String stale;

    @Override
    public ResourceFilter filter() {
        ResourceFilter base = super.filter();
        boolean staleOnly;
        if (stale == null || stale.isEmpty() || stale.equals("false")) {
            staleOnly = false;
        } else if (stale.equals("true")) {
            staleOnly = true;
        } else {
            throw new BadRequestException("stale", "must be true or false");
        }
        return new ResourceFilter(base.type(), base.basis(), base.topic(), base.country(), base.language(), base.q(),
                base.modifiedSince(), parse(ResourceStatus.class, "status", status), staleOnly);
    }
}

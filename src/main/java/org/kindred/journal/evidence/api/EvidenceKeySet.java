package org.kindred.journal.evidence.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EvidenceKeySet", description = "JWK Set (RFC 7517) of every evidence signing key this service has published, retired ones included")
public record EvidenceKeySet(@Schema(required = true, maxItems = 1000) List<Key> keys) {

    @Schema(name = "EvidenceKey", description = "An Ed25519 public key as a JWK (RFC 8037), with its status")
    public record Key(
            @Schema(required = true, enumeration = "OKP") String kty,
            @Schema(required = true, enumeration = "Ed25519") String crv,
            @Schema(required = true, description = "The public key, base64url (32 bytes)", minLength = 43, maxLength = 43, pattern = "^[A-Za-z0-9_-]{43}$") String x,
            @Schema(required = true, description = "Key id: the `kid` of the signatures it verifies", maxLength = 64, example = "2026-12-01") String kid,
            @Schema(required = true, enumeration = "sig") String use,
            @Schema(required = true, enumeration = "EdDSA") String alg,
            @Schema(required = true, description = "`active`: signs new exports; `retired`: signs no more, still verifies what it signed; `next`: published ahead of a rotation", enumeration = {
                    "active", "retired", "next"}) String status,
            @Schema(required = true, nullable = true, description = "The day the key became (or becomes) active, from its id (keys are named by date); null when the id is not a date") LocalDate activeFrom){
    }
}

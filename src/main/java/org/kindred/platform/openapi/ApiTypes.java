package org.kindred.platform.openapi;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Named OpenAPI schemas for values whose shape a custom constraint checks (the OpenAPI scanner only understands the
 * standard Bean Validation annotations). A single value refers to one by name,
 * {@code @Schema(ref = ApiTypes.LANGUAGE_TAG)}; a list of them names the stand-in class as its item type,
 * {@code @Schema(type = SchemaType.ARRAY, implementation = ApiTypes.LanguageTag.class)} (the classes are never
 * instantiated). {@code CountryCode} and {@code Handle}, used only for single values, are declared in
 * {@link KindredApiDefinition}. Keep each one in step with its validator.
 */
public final class ApiTypes {

    public static final String LANGUAGE_TAG = "LanguageTag";
    public static final String COUNTRY_CODE = "CountryCode";
    public static final String SERVICE_AREA = "ServiceArea";
    public static final String HANDLE = "Handle";

    /*
     * For nullable single values, which cannot be a bare reference (the scanner drops "nullable" next to "ref"):
     * state the same limits inline.
     */
    public static final String COUNTRY_CODE_PATTERN = "^[A-Z]{2}$";
    public static final String SERVICE_AREA_PATTERN = "^([A-Z]{2}|GLOBAL)$";
    public static final String HANDLE_PATTERN = "^[a-z0-9_]{3,30}$";

    private ApiTypes() {
    }

    /** {@code @LanguageTag} ({@code LanguageTagValidator}): a well-formed BCP 47 tag of a known language. */
    @Schema(name = LANGUAGE_TAG, type = SchemaType.STRING, minLength = 2, maxLength = 35, pattern = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", description = "BCP 47 language tag of a known language, e.g. `en`, `pt-BR`, `sr-Latn`", example = "pt-BR")
    public static final class LanguageTag {
        private LanguageTag() {
        }
    }

    /** {@code @ServiceArea}: a country code, or {@code GLOBAL} for resources available everywhere. */
    @Schema(name = SERVICE_AREA, type = SchemaType.STRING, minLength = 2, maxLength = 6, pattern = SERVICE_AREA_PATTERN, description = "ISO 3166-1 alpha-2 country code in upper case, or `GLOBAL` for everywhere", example = "GB")
    public static final class ServiceArea {
        private ServiceArea() {
        }
    }

    /** {@code ResourceRules.REGION}: an ISO 3166-2 subdivision code. */
    @Schema(name = "RegionCode", type = SchemaType.STRING, minLength = 4, maxLength = 6, pattern = "^[A-Z]{2}-[A-Z0-9]{1,3}$", description = "ISO 3166-2 subdivision code", example = "GB-SCT")
    public static final class RegionCode {
        private RegionCode() {
        }
    }

    /** A number of things (members, posts, reactions, requests): never negative. */
    @Schema(name = "Count", type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "2147483647", example = "3")
    public static final class Count {
        private Count() {
        }
    }

    /** A platform role, as in the token's {@code groups} claim ({@code accounts_roles_check}). */
    @Schema(name = "Role", type = SchemaType.STRING, enumeration = {
            "member", "professional",
            "admin"}, description = "Platform role: every account is a `member`; `professional` is a verified counsellor, lawyer or facilitator")
    public static final class Role {
        private Role() {
        }
    }

    /** A partner API key's scope ({@code PartnerScopes}). */
    @Schema(name = "PartnerScope", type = SchemaType.STRING, enumeration = {
            "feeds:read", "resources:submit", "webhooks:manage"})
    public static final class PartnerScope {
        private PartnerScope() {
        }
    }

    /** A notification kind's name as the data export lists it (the kinds are documented on {@code Notification}). */
    @Schema(name = "NotificationKindName", type = SchemaType.STRING, maxLength = 32, pattern = "^[A-Z_]{1,32}$", example = "REACTIONS")
    public static final class NotificationKindName {
        private NotificationKindName() {
        }
    }
}

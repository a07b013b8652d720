package org.kindred.safety;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.ratelimit.ActionClass;
import org.kindred.platform.ratelimit.RateLimited;
import org.kindred.safety.api.SafetyCheckRequest;
import org.kindred.safety.api.SafetyCheckResponse;

import io.quarkus.security.Authenticated;

@Path("/api/v1/safety")
@Tag(name = "Moderation")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class SafetyResource {

    private final SafetyService safety;

    public SafetyResource(SafetyService safety) {
        this.safety = safety;
    }

    @POST
    @Path("/check")
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited(ActionClass.WRITE)
    @Operation(operationId = "checkSafety", summary = "Check a text for crisis language, personal information and content warnings", description = """
            Members. Run it on a post or reply before it is sent (posting runs the same check). Nothing is stored \
            and nothing about the text is logged; the answer is for the writer only.

            `crisis`: URGENT when the writer says they intend, plan or want to die, are harming themselves or have just \
            taken an overdose, say goodbye, or are in immediate danger; CONCERN for hopelessness, passive wishes to be \
            dead, past self-harm and feeling unsafe; NONE otherwise, including negated, quoted and reported words, \
            other people's crises, news and idioms. A negation, quotation or report lowers only its own words: the \
            writer's own statement next to it still counts, and where the rules disagree the answer is CONCERN, never \
            NONE. `signals` says which kinds of crisis language were found (the C-SSRS ladder: WISH_DEAD ... IMMINENT). \
            Crisis language is recognised in English, Spanish, French, German, Portuguese, Arabic, Turkish, Polish, \
            Ukrainian and Russian, all of them in every text; `language` is the one the text is mostly written in. \
            When `crisis` is not NONE, `resources` lists the crisis lines of \
            `country` (else your profile's country, else international ones): show them to the writer at once, \
            privately.

            `personalInfo`: phone numbers, e-mail addresses, street addresses, profile links and @handles, with \
            offsets in UTF-16 code units (JavaScript string indices). `suggestedContentWarnings`: warnings the text \
            probably needs. The check is local (lexicons and a small trained model), not a person: it misses some and mistakes \
            some; it never \
            blocks anything by itself. Counts as a write for rate limits.""")
    @APIResponse(responseCode = "200", description = "What the check found", content = @Content(schema = @Schema(implementation = SafetyCheckResponse.class), examples = {
            @ExampleObject(name = "personal information", value = """
                    {"crisis":"NONE","personalInfo":[{"kind":"PHONE","start":78,"end":91}],\
                    "suggestedContentWarnings":["XENOPHOBIA"],"resources":[],"resourcesCountry":null,"resourcesInternational":false,\
                    "signals":[],"language":"en"}"""),
            @ExampleObject(name = "urgent", value = """
                    {"crisis":"URGENT","personalInfo":[],"suggestedContentWarnings":["SELF_HARM"],"resources":[{\
                    "id":"3f8a2c1e-6b1d-4c52-9e3a-0c1b2d3e4f50","type":"CRISIS_LINE","title":"Samaritans",\
                    "summary":"Free, confidential emotional support by phone, any time, for anyone who is struggling to cope.",\
                    "url":"https://www.samaritans.org/","organization":{"name":"Samaritans","url":"https://www.samaritans.org/"},\
                    "bases":[],"topics":["WELLBEING_COPING"],"countries":["GB","IE"],"regions":[],"languages":["en"],\
                    "phone":"116 123","sms":null,"email":"jo@samaritans.org","hours":"24 hours a day, 365 days a year",\
                    "available24x7":true,"cost":"FREE","eligibility":null,"lastVerifiedAt":"2026-11-01T00:00:00Z","stale":false,\
                    "status":"PUBLISHED","createdAt":"2026-11-01T00:00:00Z","updatedAt":"2026-11-01T00:00:00Z"}],\
                    "resourcesCountry":"GB","resourcesInternational":false,"signals":["PLAN","IMMINENT"],"language":"en"}""")}))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Malformed JSON, or `text` missing, blank, not a string or longer than "
            + "10000 characters, or `country` or `language` invalid")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "503", ref = Responses.SERVICE_UNAVAILABLE)
    public SafetyCheckResponse check(@Valid @NotNull SafetyCheckRequest request) {
        return safety.check(request);
    }
}

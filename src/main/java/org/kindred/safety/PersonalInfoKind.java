package org.kindred.safety;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Kinds of personal information a member may not want to publish. */
@Schema(description = """
        PHONE: a phone number in international (+44 20 7946 0958, 0049 ...) or national format (020 7946 0958, \
        (555) 123-4567, 06 12 34 56 78); years, dates, amounts and short numbers are not matched. EMAIL: an e-mail \
        address, also written as `name [at] example [dot] org`. ADDRESS: a street address with a house number \
        (12 Baker Street, Calle Mayor 5, 15 rue de la Paix, Hauptstraße 3, Rua Augusta 100). URL: a link to a \
        personal profile (instagram.com/name, x.com/name, tiktok.com/@name, linkedin.com/in/name, any site's \
        /@name); other links are not personal information. HANDLE: a bare @handle, e.g. @name (on Kindred or any \
        other network); clients may choose to only hint at these.""")
public enum PersonalInfoKind {
    PHONE, EMAIL, ADDRESS, URL, HANDLE
}

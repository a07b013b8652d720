package org.kindred.platform.validation;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class LanguageTagValidator implements ConstraintValidator<LanguageTag, String> {

    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    /** Canonical form of a valid tag ({@code PT-br} becomes {@code pt-BR}), or null when it is not valid. */
    public static String canonical(String tag) {
        if (tag == null || tag.length() > 35) {
            return null;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            String language = locale.getLanguage();
            boolean known = LANGUAGES.contains(language) || language.length() == 3;
            if (!known || !locale.getVariant().isEmpty() && locale.getVariant().length() < 4) {
                return null;
            }
            if (!locale.getCountry().isEmpty() && !CountryCodeValidator.isCountryCode(locale.getCountry())
                    && !locale.getCountry().matches("\\d{3}")) {
                return null;
            }
            return locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            return null;
        }
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || canonical(value) != null;
    }
}

package org.kindred.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.security.AuthConfig;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;

/**
 * Refuses weak passwords with nbvcxz, a dictionary- and pattern-based strength estimator (leaked-password lists,
 * common names and words, keyboard walks, dates, l33t): entropy must reach {@code kindred.auth.password.min-entropy}
 * bits. The person's own e-mail, handle and display name count as known words.
 */
@ApplicationScoped
public class PasswordPolicy {

    private final double minimumEntropy;
    private final List<Dictionary> dictionaries = ConfigurationBuilder.getDefaultDictionaries();

    public PasswordPolicy(AuthConfig config) {
        this.minimumEntropy = config.password().minEntropy();
    }

    public void requireStrong(String field, String password, String... personalWords) {
        List<Dictionary> all = new ArrayList<>(dictionaries);
        List<String> words = new ArrayList<>();
        for (String word : personalWords) {
            if (word != null && !word.isBlank()) {
                String lower = word.toLowerCase(Locale.ROOT);
                words.add(lower);
                words.addAll(List.of(lower.split("[@._+\\-]")));
            }
        }
        if (!words.isEmpty()) {
            all.add(new DictionaryBuilder().setDictionaryName("personal").setExclusion(true)
                    .addWords(words.stream().filter(Objects::nonNull).filter(w -> w.length() >= 3).toList(), 0)
                    .createDictionary());
        }
        Nbvcxz estimator = new Nbvcxz(new ConfigurationBuilder().setDictionaries(all).setMinimumEntropy(minimumEntropy)
                .setLocale(Locale.ENGLISH).createConfiguration());
        Result result = estimator.estimate(password);
        if (!result.isMinimumEntropyMet()) {
            String warning = result.getFeedback().getWarning();
            String message = "is too easy to guess"
                    + (warning == null || warning.isBlank() ? "" : " (" + warning.strip() + ")")
                    + "; try a longer passphrase of unrelated words";
            throw new BadRequestException(field, message);
        }
    }
}

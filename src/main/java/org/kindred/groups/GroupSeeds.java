package org.kindred.groups;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.jboss.logging.Logger;
import org.kindred.groups.api.CreateGroupRequest;
import org.kindred.platform.SeedConfig;
import org.kindred.platform.security.PasswordHasher;
import org.kindred.platform.validation.LanguageTagValidator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads the starter groups of {@code seeds/groups.yaml} with the resource seeds (same settings, {@code kindred.seeds.*}).
 * Each entry is the body of {@code POST /api/v1/groups}, validated the same way, plus a stable key that is also the
 * group's slug. A new entry creates its group, owned by the platform's own {@value #TEAM_HANDLE} account (platform
 * admins act as owners of any group, and hand ownership to real facilitators); a changed entry updates its group (a
 * rules change bumps {@code rulesVersion}); an unchanged entry is left alone, so moderators' edits survive restarts.
 */
@ApplicationScoped
public class GroupSeeds {

    public static final String GROUPS = "seeds/groups.yaml";
    /** The reserved handle of the account that owns the starter groups; nobody can sign in as it. */
    public static final String TEAM_HANDLE = "kindred";
    private static final Logger LOG = Logger.getLogger(GroupSeeds.class);
    private static final long ADVISORY_LOCK = 0x6b696e6472656432L;

    public record Entry(@NotNull @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String key,
            @NotNull @Valid CreateGroupRequest group) {
    }

    public record File(@NotNull List<@NotNull @Valid Entry> groups) {
    }

    public enum Outcome {
        CREATED, UPDATED, UNCHANGED
    }

    private final EntityManager em;
    private final Validator validator;
    private final SeedConfig config;
    private final MembershipService memberships;
    private final PasswordHasher hasher;
    private final Clock clock;

    public GroupSeeds(EntityManager em, Validator validator, SeedConfig config, MembershipService memberships,
            PasswordHasher hasher, Clock clock) {
        this.em = em;
        this.validator = validator;
        this.config = config;
        this.memberships = memberships;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** After the resources (priority 2000); the same one-shot job loads both. */
    void loadAtStartup(@Observes @Priority(2001) StartupEvent event) {
        if (!config.loadAtStartup()) {
            return;
        }
        List<Outcome> outcomes = load();
        LOG.infof("Starter groups from %s: %d created, %d updated, %d unchanged", GROUPS,
                outcomes.stream().filter(o -> o == Outcome.CREATED).count(),
                outcomes.stream().filter(o -> o == Outcome.UPDATED).count(),
                outcomes.stream().filter(o -> o == Outcome.UNCHANGED).count());
    }

    /** Validates every entry, then applies them all in one transaction under an advisory lock. */
    public List<Outcome> load() {
        List<Entry> entries = validated(read());
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("SELECT pg_advisory_xact_lock(" + ADVISORY_LOCK + ")").getSingleResult();
            UUID team = teamAccount();
            return entries.stream().map(entry -> apply(entry, team)).toList();
        });
    }

    public static File read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(GROUPS)) {
            if (in == null) {
                throw new IllegalStateException(GROUPS + " is not on the class path");
            }
            return YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS).build().readValue(in, File.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + GROUPS, e);
        }
    }

    /** Bean Validation as for the API, plus unique keys and names and no HIDDEN group; throws listing every problem. */
    public List<Entry> validated(File file) {
        Set<String> problems = new TreeSet<>();
        for (ConstraintViolation<File> v : validator.validate(file)) {
            problems.add(v.getPropertyPath() + ": " + v.getMessage());
        }
        Set<String> keys = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Entry entry : file.groups() == null ? List.<Entry>of() : file.groups()) {
            if (entry == null || entry.group() == null) {
                continue;
            }
            if (!keys.add(entry.key())) {
                problems.add(entry.key() + ": the key is used twice");
            }
            if (entry.group().name() != null && !names.add(entry.group().name().strip())) {
                problems.add(entry.key() + ": the name is used twice");
            }
            if (entry.group().visibility() == Visibility.HIDDEN) {
                problems.add(entry.key() + ": starter groups are listed (PUBLIC or PRIVATE); the key is the slug, and"
                        + " a HIDDEN group never has a plain slug");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(GROUPS + " is not valid:\n" + String.join("\n", problems));
        }
        return file.groups();
    }

    private Outcome apply(Entry entry, UUID team) {
        CreateGroupRequest g = entry.group();
        byte[] hash = hash(entry);
        @SuppressWarnings("unchecked")
        List<Object[]> existing = em.createNativeQuery("SELECT id, seed_hash FROM groups WHERE seed_key = :key")
                .setParameter("key", entry.key()).getResultList();
        Instant now = clock.instant();
        if (existing.isEmpty()) {
            Group group = Group.create(entry.key(), g.name().strip(), g.description().strip(),
                    EnumSet.copyOf(g.bases()), EnumSet.copyOf(g.topics()), LanguageTagValidator.canonical(g.language()),
                    g.visibility(), g.rules().strip(), Boolean.TRUE.equals(g.facilitated()), team, now);
            em.persist(group);
            em.flush();
            em.createNativeQuery("UPDATE groups SET seed_key = :key, seed_hash = :hash WHERE id = :id")
                    .setParameter("key", entry.key()).setParameter("hash", hash).setParameter("id", group.id())
                    .executeUpdate();
            memberships.addOwner(group.id(), team, group.rulesVersion());
            return Outcome.CREATED;
        }
        Object[] row = existing.get(0);
        if (java.util.Arrays.equals((byte[]) row[1], hash)) {
            return Outcome.UNCHANGED;
        }
        Group group = em.find(Group.class, row[0]);
        group.rename(g.name().strip(), now);
        group.describe(g.description().strip(), now);
        group.classify(g.bases(), g.topics(), now);
        group.changeLanguage(LanguageTagValidator.canonical(g.language()), now);
        group.changeVisibility(g.visibility(), now);
        group.markFacilitated(Boolean.TRUE.equals(g.facilitated()), now);
        group.changeRules(g.rules().strip(), now); // bumps rulesVersion only when the text differs
        em.flush();
        em.createNativeQuery("UPDATE groups SET seed_hash = :hash WHERE id = :id").setParameter("hash", hash)
                .setParameter("id", group.id()).executeUpdate();
        return Outcome.UPDATED;
    }

    /** The platform's own account, created once; its password is random and never shown, its e-mail undeliverable. */
    private UUID teamAccount() {
        @SuppressWarnings("unchecked")
        List<Object> found = em.createNativeQuery("SELECT id FROM accounts WHERE handle = :handle")
                .setParameter("handle", TEAM_HANDLE).getResultList();
        if (!found.isEmpty()) {
            return (UUID) found.get(0);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        em.createNativeQuery("""
                INSERT INTO accounts (id, email, password_hash, handle, display_name, guidelines_version, created_at,
                                      updated_at, password_changed_at)
                VALUES (:id, 'team@kindred.invalid', :hash, :handle, 'Kindred team', 1, :now, :now, :now)""")
                .setParameter("id", id).setParameter("hash", hasher.unusableHash()).setParameter("handle", TEAM_HANDLE)
                .setParameter("now", now).executeUpdate();
        return id;
    }

    /** A digest of the entry in a canonical form (sets sorted), so an unchanged entry always hashes the same. */
    private static byte[] hash(Entry entry) {
        CreateGroupRequest g = entry.group();
        String canonical = String.join("\u0000", entry.key(), g.name().strip(), g.description().strip(),
                g.bases().stream().map(Enum::name).sorted().toList().toString(),
                g.topics().stream().map(Enum::name).sorted().toList().toString(),
                LanguageTagValidator.canonical(g.language()), g.visibility().name(), g.rules().strip(),
                Boolean.toString(Boolean.TRUE.equals(g.facilitated())));
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

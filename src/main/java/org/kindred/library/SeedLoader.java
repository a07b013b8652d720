package org.kindred.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.jboss.logging.Logger;
import org.kindred.platform.SeedConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads the curated resources of {@code seeds/resources.yaml} (packaged into the application) idempotently: every
 * entry is validated first, then all are applied in one transaction under an advisory lock, so replicas starting
 * together do not race. Loading again changes nothing; a changed entry updates its row and logs the change.
 */
@ApplicationScoped
public class SeedLoader {

    public static final String RESOURCES = "seeds/resources.yaml";
    private static final Logger LOG = Logger.getLogger(SeedLoader.class);
    private static final long ADVISORY_LOCK = 0x6b696e6472656431L;

    /** How many entries were created, updated and left as they were. */
    public record Report(Map<ResourceCuration.SeedOutcome, Integer> outcomes) {
        public int count(ResourceCuration.SeedOutcome outcome) {
            return outcomes.getOrDefault(outcome, 0);
        }
    }

    private final ResourceCuration curation;
    private final Validator validator;
    private final SeedConfig config;
    private final EntityManager entityManager;

    public SeedLoader(ResourceCuration curation, Validator validator, SeedConfig config, EntityManager entityManager) {
        this.curation = curation;
        this.validator = validator;
        this.config = config;
        this.entityManager = entityManager;
    }

    void loadAtStartup(@Observes @Priority(2000) StartupEvent event) {
        if (!config.loadAtStartup()) {
            return;
        }
        try {
            Report report = load();
            LOG.infof("Seeds from %s: %d created, %d updated, %d unchanged", RESOURCES,
                    report.count(ResourceCuration.SeedOutcome.CREATED),
                    report.count(ResourceCuration.SeedOutcome.UPDATED),
                    report.count(ResourceCuration.SeedOutcome.UNCHANGED));
            if (config.exitAfterLoad()) {
                Quarkus.asyncExit(0);
            }
        } catch (RuntimeException e) {
            if (config.exitAfterLoad()) {
                LOG.errorf(e, "Loading the seeds failed; nothing was changed");
                Quarkus.asyncExit(1);
                return;
            }
            throw e;
        }
    }

    /** Validates and applies every entry of the packaged seed file. */
    public Report load() {
        List<SeedEntry> entries = validated(read());
        Map<ResourceCuration.SeedOutcome, Integer> outcomes = new EnumMap<>(ResourceCuration.SeedOutcome.class);
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(" + ADVISORY_LOCK + ")").getSingleResult();
            for (SeedEntry entry : entries) {
                ResourceCuration.SeedOutcome outcome = curation.applySeed(entry.key(), hash(entry), entry.resource(),
                        entry.checked().atStartOfDay(ZoneOffset.UTC).toInstant());
                outcomes.merge(outcome, 1, Integer::sum);
            }
        });
        return new Report(outcomes);
    }

    /** The entries of the packaged seed file, parsed strictly (unknown fields and wrong types are errors). */
    public static SeedEntry.File read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCES)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCES + " is not on the class path");
            }
            return yaml().readValue(in, SeedEntry.File.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCES, e);
        }
    }

    /** Bean Validation (as for API requests) plus uniqueness of keys and URLs; throws listing every problem. */
    public List<SeedEntry> validated(SeedEntry.File file) {
        Set<String> problems = new TreeSet<>();
        for (ConstraintViolation<SeedEntry.File> v : validator.validate(file)) {
            problems.add(v.getPropertyPath() + ": " + v.getMessage());
        }
        Set<String> keys = new HashSet<>();
        Set<String> urls = new HashSet<>();
        List<SeedEntry> entries = file.resources() == null ? List.of() : file.resources();
        for (SeedEntry entry : entries) {
            if (entry == null || entry.resource() == null || entry.resource().url() == null) {
                continue;
            }
            if (!keys.add(entry.key())) {
                problems.add(entry.key() + ": the key is used twice");
            }
            if (!urls.add(CuratedResource.urlKey(entry.resource().url()))) {
                problems.add(entry.key() + ": the URL " + entry.resource().url() + " is used twice");
            }
            try {
                ResourceContents.of(entry.resource());
            } catch (RuntimeException e) {
                problems.add(entry.key() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(RESOURCES + " is not valid:\n" + String.join("\n", problems));
        }
        return new ArrayList<>(entries);
    }

    private static ObjectMapper yaml() {
        return YAMLMapper.builder().addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS).build();
    }

    private static byte[] hash(SeedEntry entry) {
        try {
            byte[] canonical = JsonMapper.builder().addModule(new JavaTimeModule()).build()
                    .writeValueAsBytes(entry);
            return MessageDigest.getInstance("SHA-256").digest(canonical);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.kindred.library;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.kindred.groups.Basis;
import org.kindred.groups.Topic;

/**
 * A curated resource: a helpline, a reporting body, a legal-aid organisation, a guide. Modelled after an Open
 * Referral HSDS 3.0 service with its organization, phones, languages and service area. Only PUBLISHED resources are
 * public; partner submissions wait in PENDING_REVIEW; archiving keeps the row (and its change log) as a tombstone.
 */
@Entity
@Table(name = "curated_resources")
public class CuratedResource {

    /** The service area of resources available everywhere. */
    public static final String GLOBAL = "GLOBAL";

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ResourceType type;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String summary;

    @Column(nullable = false)
    private String url;

    @Column(name = "url_key", nullable = false)
    private String urlKey;

    @Column(name = "organization_name", nullable = false)
    private String organizationName;

    @Column(name = "organization_url")
    private String organizationUrl;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    private List<String> bases = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    private List<String> topics = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    private List<String> countries = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    private List<String> regions = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    private List<String> languages = new ArrayList<>();

    private String phone;

    private String sms;

    private String email;

    private String hours;

    @Column(name = "available_24x7", nullable = false)
    private boolean available24x7;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Cost cost;

    private String eligibility;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ResourceStatus status;

    @Column(name = "last_verified_at", nullable = false)
    private Instant lastVerifiedAt;

    @Column(name = "submitted_by_partner_id")
    private UUID submittedByPartnerId;

    @Column(name = "seed_key")
    private String seedKey;

    @Column(name = "seed_hash")
    private byte[] seedHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected CuratedResource() {
    }

    /** A resource created by a curator or the seed loader: published at once. */
    static CuratedResource curate(ResourceContent content, Instant lastVerifiedAt, Instant now) {
        return create(content, ResourceStatus.PUBLISHED, null, lastVerifiedAt, now);
    }

    /** A resource submitted by a partner organisation: waits for a curator. */
    static CuratedResource submit(ResourceContent content, UUID partnerId, Instant now) {
        return create(content, ResourceStatus.PENDING_REVIEW, partnerId, now, now);
    }

    private static CuratedResource create(ResourceContent content, ResourceStatus status, UUID partnerId,
            Instant lastVerifiedAt, Instant now) {
        CuratedResource resource = new CuratedResource();
        resource.id = UUID.randomUUID();
        resource.status = status;
        resource.submittedByPartnerId = partnerId;
        resource.lastVerifiedAt = lastVerifiedAt;
        resource.createdAt = now;
        resource.write(content);
        resource.updatedAt = now;
        return resource;
    }

    /** Replaces the editable content; returns what changed (nothing changes, not even updatedAt, when equal). */
    List<FieldChange> replaceContent(ResourceContent next, Instant now) {
        List<FieldChange> changes = content().changesTo(next);
        if (!changes.isEmpty()) {
            write(next);
            updatedAt = now;
        }
        return changes;
    }

    /** A curator approves a submission or restores an archived resource; approval counts as verification. */
    List<FieldChange> publish(Instant now) {
        List<FieldChange> changes = new ArrayList<>();
        changes.add(FieldChange.of("status", status, ResourceStatus.PUBLISHED));
        changes.add(FieldChange.of("lastVerifiedAt", lastVerifiedAt, now));
        status = ResourceStatus.PUBLISHED;
        lastVerifiedAt = now;
        updatedAt = now;
        return changes;
    }

    List<FieldChange> archive(Instant now) {
        List<FieldChange> changes = List.of(FieldChange.of("status", status, ResourceStatus.ARCHIVED));
        status = ResourceStatus.ARCHIVED;
        updatedAt = now;
        return changes;
    }

    /** A curator checked that the details are still correct. */
    List<FieldChange> verify(Instant now) {
        List<FieldChange> changes = List.of(FieldChange.of("lastVerifiedAt", lastVerifiedAt, now));
        lastVerifiedAt = now;
        updatedAt = now;
        return changes;
    }

    /** Records which seed entry this row was last loaded from; a seed verifies no later than its checked date. */
    void applySeed(String key, byte[] hash, Instant checkedAt) {
        seedKey = key;
        seedHash = hash.clone();
        if (checkedAt.isAfter(lastVerifiedAt)) {
            lastVerifiedAt = checkedAt;
        }
    }

    private void write(ResourceContent c) {
        type = c.type();
        title = c.title();
        summary = c.summary();
        url = c.url();
        urlKey = urlKey(c.url());
        organizationName = c.organizationName();
        organizationUrl = c.organizationUrl();
        bases = new ArrayList<>(c.bases().stream().map(Enum::name).toList());
        topics = new ArrayList<>(c.topics().stream().map(Enum::name).toList());
        countries = new ArrayList<>(c.countries());
        regions = new ArrayList<>(c.regions());
        languages = new ArrayList<>(c.languages());
        phone = c.phone();
        sms = c.sms();
        email = c.email();
        hours = c.hours();
        available24x7 = c.available24x7();
        cost = c.cost();
        eligibility = c.eligibility();
    }

    /**
     * The URL as compared for duplicates: scheme and host in lower case, default port, trailing slash and fragment
     * dropped. {@code HTTPS://Example.org/help/#top} and {@code https://example.org/help} are the same page.
     */
    static String urlKey(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || scheme.equals("http") && port == 80
                    || scheme.equals("https") && port == 443;
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (URISyntaxException | NullPointerException e) {
            return url.strip().toLowerCase(Locale.ROOT);
        }
    }

    public ResourceContent content() {
        return new ResourceContent(type, title, summary, url, organizationName, organizationUrl,
                bases.stream().map(Basis::valueOf).toList(), topics.stream().map(Topic::valueOf).toList(),
                countries, regions, languages, phone, sms, email, hours, available24x7, cost, eligibility);
    }

    /** Not verified within {@code staleAfter} of {@code now}. */
    public boolean isStale(Instant now, Duration staleAfter) {
        return lastVerifiedAt.isBefore(now.minus(staleAfter));
    }

    public boolean isPublished() {
        return status == ResourceStatus.PUBLISHED;
    }

    public boolean isPendingReview() {
        return status == ResourceStatus.PENDING_REVIEW;
    }

    public boolean wasSubmittedBy(UUID partnerId) {
        return partnerId != null && partnerId.equals(submittedByPartnerId);
    }

    public UUID id() {
        return id;
    }

    public ResourceStatus status() {
        return status;
    }

    public Instant lastVerifiedAt() {
        return lastVerifiedAt;
    }

    public String seedKey() {
        return seedKey;
    }

    public byte[] seedHash() {
        return seedHash == null ? null : seedHash.clone();
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}

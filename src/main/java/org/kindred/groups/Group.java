package org.kindred.groups;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A support group. {@code memberCount} and {@code postCount} are maintained by the database (triggers and atomic
 * updates) and are read-only here, so an edit can never overwrite a concurrent count change.
 */
@Entity
@EntityListeners(GroupAccessChangeListener.class)
@Table(name = "groups")
@DynamicUpdate
public class Group {

    @Id
    private UUID id;

    /** Changes only when the group becomes HIDDEN (see {@link GroupSlugs}). */
    @Column(nullable = false)
    private String slug;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    private List<String> bases;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    private List<String> topics;

    @Column(nullable = false)
    private String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Visibility visibility;

    @Column(nullable = false)
    private String rules;

    @Column(name = "rules_version", nullable = false)
    private int rulesVersion;

    @Column(nullable = false)
    private boolean facilitated;

    @Column(name = "member_count", insertable = false, updatable = false)
    private int memberCount;

    @Column(name = "post_count", insertable = false, updatable = false)
    private int postCount;

    @Column(name = "created_by", nullable = false, updatable = false)
    private UUID createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "archived_at")
    private Instant archivedAt;

    @Version
    private long version;

    protected Group() {
    }

    static Group create(String slug, String name, String description, Collection<Basis> bases, Collection<Topic> topics,
            String language, Visibility visibility, String rules, boolean facilitated, UUID createdBy, Instant now) {
        Group group = new Group();
        group.id = UUID.randomUUID();
        group.slug = slug;
        group.name = name;
        group.description = description;
        group.bases = names(bases);
        group.topics = names(topics);
        group.language = language;
        group.visibility = visibility;
        group.rules = rules;
        group.rulesVersion = 1;
        group.facilitated = facilitated;
        group.createdBy = createdBy;
        group.createdAt = now;
        group.updatedAt = now;
        return group;
    }

    void rename(String name, Instant now) {
        this.name = name;
        this.updatedAt = now;
    }

    void describe(String description, Instant now) {
        this.description = description;
        this.updatedAt = now;
    }

    void classify(Collection<Basis> bases, Collection<Topic> topics, Instant now) {
        if (bases != null) {
            this.bases = names(bases);
        }
        if (topics != null) {
            this.topics = names(topics);
        }
        this.updatedAt = now;
    }

    void changeLanguage(String language, Instant now) {
        this.language = language;
        this.updatedAt = now;
    }

    /** PUBLIC or PRIVATE, keeping the slug. A group becomes HIDDEN only through {@link #hide}. */
    void changeVisibility(Visibility visibility, Instant now) {
        if (visibility == Visibility.HIDDEN) {
            throw new IllegalArgumentException("A group becomes HIDDEN with a new unlisted slug: use hide(slug, now)");
        }
        this.visibility = visibility;
        this.updatedAt = now;
    }

    /**
     * Becomes HIDDEN under a new, unlisted slug ({@link GroupSlugs#unlisted}): a hidden group never keeps a plain slug
     * that someone creating a group of the same name would collide with.
     */
    void hide(String unlistedSlug, Instant now) {
        this.slug = unlistedSlug;
        this.visibility = Visibility.HIDDEN;
        this.updatedAt = now;
    }

    void markFacilitated(boolean facilitated, Instant now) {
        this.facilitated = facilitated;
        this.updatedAt = now;
    }

    /** New rules text; every member must accept the new version before posting again. */
    boolean changeRules(String rules, Instant now) {
        if (this.rules.equals(rules)) {
            return false;
        }
        this.rules = rules;
        this.rulesVersion++;
        this.updatedAt = now;
        return true;
    }

    void archive(Instant now) {
        if (archivedAt == null) {
            archivedAt = now;
            updatedAt = now;
        }
    }

    private static List<String> names(Collection<? extends Enum<?>> values) {
        return new ArrayList<>(values.stream().map(Enum::name).distinct().toList());
    }

    public UUID id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public List<Basis> bases() {
        return bases.stream().map(Basis::valueOf).toList();
    }

    public List<Topic> topics() {
        return topics.stream().map(Topic::valueOf).toList();
    }

    public String language() {
        return language;
    }

    public Visibility visibility() {
        return visibility;
    }

    public String rules() {
        return rules;
    }

    public int rulesVersion() {
        return rulesVersion;
    }

    public boolean facilitated() {
        return facilitated;
    }

    public int memberCount() {
        return memberCount;
    }

    public int postCount() {
        return postCount;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant archivedAt() {
        return archivedAt;
    }

    public boolean archived() {
        return archivedAt != null;
    }

    public long version() {
        return version;
    }

    /** What other features need to know to decide access. */
    public GroupFacts facts() {
        return new GroupFacts(id, slug, name, visibility, archived(), rulesVersion, rules, language);
    }
}

package org.kindred.posts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.kindred.accounts.ContentWarning;

/** A post's text before an edit, kept for the group's moderators. */
@Entity
@Table(name = "post_revisions")
@Immutable
public class PostRevision {

    @Id
    private UUID id;

    @Column(name = "post_id", nullable = false)
    private UUID postId;

    private String title;

    @Column(nullable = false)
    private String body;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "content_warnings", columnDefinition = "text[]", nullable = false)
    private List<String> contentWarnings;

    @Column(name = "replaced_at", nullable = false)
    private Instant replacedAt;

    protected PostRevision() {
    }

    static PostRevision of(Post post, Instant replacedAt) {
        PostRevision revision = new PostRevision();
        revision.id = UUID.randomUUID();
        revision.postId = post.id();
        revision.title = post.title();
        revision.body = post.body();
        revision.contentWarnings = new ArrayList<>(post.contentWarnings().stream().map(Enum::name).toList());
        revision.replacedAt = replacedAt;
        return revision;
    }

    public UUID id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String body() {
        return body;
    }

    public List<ContentWarning> contentWarnings() {
        return contentWarnings.stream().map(ContentWarning::valueOf).toList();
    }

    public Instant replacedAt() {
        return replacedAt;
    }
}

package org.kindred.moderation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A report of a post, account or group, by a member or raised by the service. */
@Entity
@Table(name = "reports")
public class Report {

    @Id
    private UUID id;

    @Column(name = "group_id")
    private UUID groupId;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_type", nullable = false)
    private ReportTarget targetType;

    @Column(name = "target_id", nullable = false)
    private UUID targetId;

    @Column(name = "target_account_id")
    private UUID targetAccountId;

    @Column(name = "reporter_id")
    private UUID reporterId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReportSource source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReportReason reason;

    private String details;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReportStatus status;

    @jakarta.persistence.Version
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "resolved_by")
    private UUID resolvedBy;

    @Enumerated(EnumType.STRING)
    private ReportAction resolution;

    @Column(name = "resolution_note")
    private String resolutionNote;

    protected Report() {
    }

    static Report file(UUID groupId, ReportTarget type, UUID targetId, UUID targetAccountId, UUID reporterId,
            ReportSource source, ReportReason reason, String details, Instant now) {
        Report report = new Report();
        report.id = UUID.randomUUID();
        report.groupId = groupId;
        report.targetType = type;
        report.targetId = targetId;
        report.targetAccountId = targetAccountId;
        report.reporterId = reporterId;
        report.source = source;
        report.reason = reason;
        report.details = details;
        report.status = ReportStatus.OPEN;
        report.createdAt = now;
        report.updatedAt = now;
        return report;
    }

    /** A repeat report of the same target by the same member: the newest reason and details replace the old. */
    void merge(ReportReason reason, String details, Instant now) {
        this.reason = reason;
        if (details != null) {
            this.details = details;
        }
        this.updatedAt = now;
    }

    void close(ReportStatus status, ReportAction action, String note, UUID by, Instant now) {
        this.status = status;
        this.resolution = action;
        this.resolutionNote = note;
        this.resolvedBy = by;
        this.resolvedAt = now;
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID groupId() {
        return groupId;
    }

    public ReportTarget targetType() {
        return targetType;
    }

    public UUID targetId() {
        return targetId;
    }

    public UUID targetAccountId() {
        return targetAccountId;
    }

    public UUID reporterId() {
        return reporterId;
    }

    public ReportSource source() {
        return source;
    }

    public ReportReason reason() {
        return reason;
    }

    public String details() {
        return details;
    }

    public ReportStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public ReportAction resolution() {
        return resolution;
    }

    public long version() {
        return version;
    }
}

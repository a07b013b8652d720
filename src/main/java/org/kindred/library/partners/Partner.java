package org.kindred.library.partners;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A partner organisation (an NGO, a legal clinic, a council) that embeds the library or submits resources. */
@Entity
@Table(name = "partners")
public class Partner {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    private String url;

    @Column(name = "contact_email")
    private String contactEmail;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by")
    private UUID createdBy;

    @Version
    private long version;

    protected Partner() {
    }

    static Partner register(String name, String url, String contactEmail, UUID createdBy, Instant now) {
        Partner partner = new Partner();
        partner.id = UUID.randomUUID();
        partner.name = name;
        partner.url = url;
        partner.contactEmail = contactEmail;
        partner.createdBy = createdBy;
        partner.createdAt = now;
        return partner;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    public String contactEmail() {
        return contactEmail;
    }

    public Instant createdAt() {
        return createdAt;
    }
}

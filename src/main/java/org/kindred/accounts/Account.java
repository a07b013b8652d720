package org.kindred.accounts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.kindred.platform.security.CurrentUser;

@Entity
@EntityListeners(AccessChangeListener.class)
@Table(name = "accounts")
public class Account {

    @Id
    private UUID id;

    /** Null for a member who joined without an address (recovery codes are then their only way back in). */
    @Column
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private String handle;

    @Column(name = "display_name")
    private String displayName;

    @Column(length = 2)
    private String country;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    private List<String> languages = new ArrayList<>();

    @Column(name = "birth_year")
    private Integer birthYear;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "hidden_content_warnings", columnDefinition = "text[]", nullable = false)
    private List<String> hiddenContentWarnings = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    private List<String> roles = new ArrayList<>(List.of(CurrentUser.MEMBER));

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AccountStatus status = AccountStatus.ACTIVE;

    @Enumerated(EnumType.STRING)
    @Column(name = "content_warning_mode", nullable = false)
    private ContentWarningMode contentWarningMode = ContentWarningMode.HIDE;

    @Column(name = "guidelines_version", nullable = false)
    private int guidelinesVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    @Column(name = "email_verified_at")
    private Instant emailVerifiedAt;

    @Version
    private long version;

    protected Account() {
    }

    static Account register(String email, String passwordHash, String handle, String displayName, String country,
            List<String> languages, Integer birthYear, int guidelinesVersion, Instant now) {
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.email = email;
        account.passwordHash = passwordHash;
        account.handle = handle;
        account.displayName = displayName;
        account.country = country;
        account.languages = new ArrayList<>(languages);
        account.birthYear = birthYear;
        account.guidelinesVersion = guidelinesVersion;
        account.createdAt = now;
        account.updatedAt = now;
        account.passwordChangedAt = now;
        return account;
    }

    /** Changes the address to one just proved reachable (a link mailed to it was followed). */
    void changeEmail(String email, Instant now) {
        this.email = email;
        this.emailVerifiedAt = now;
        touch(now);
    }

    /** A change of address waits for its link; the account's representation (its pending address) changed. */
    void emailChangeRequested(Instant now) {
        touch(now);
    }

    void acceptGuidelines(int version, Instant now) {
        this.guidelinesVersion = version;
        touch(now);
    }

    void verifyEmail(Instant now) {
        this.emailVerifiedAt = now;
        touch(now);
    }

    void changeDisplayName(String displayName, Instant now) {
        this.displayName = displayName;
        touch(now);
    }

    void changeCountry(String country, Instant now) {
        this.country = country;
        touch(now);
    }

    void changeLanguages(List<String> languages, Instant now) {
        this.languages = new ArrayList<>(languages);
        touch(now);
    }

    void changeBirthYear(Integer birthYear, Instant now) {
        this.birthYear = birthYear;
        touch(now);
    }

    void changeContentWarningMode(ContentWarningMode mode, Instant now) {
        this.contentWarningMode = mode;
        touch(now);
    }

    void hideContentWarnings(Collection<ContentWarning> warnings, Instant now) {
        this.hiddenContentWarnings = new ArrayList<>(warnings.stream().map(Enum::name).distinct().sorted().toList());
        touch(now);
    }

    void changePassword(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
        touch(now);
    }

    /** A transparent re-hash with stronger parameters; not a password change. */
    void upgradePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void replaceRoles(Set<String> newRoles, Instant now) {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        all.add(CurrentUser.MEMBER);
        all.addAll(newRoles);
        this.roles = new ArrayList<>(all);
        touch(now);
    }

    void changeStatus(AccountStatus status, Instant now) {
        this.status = status;
        touch(now);
    }

    private void touch(Instant now) {
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    /** The sign-in address, or null when the member gave none. */
    public String email() {
        return email;
    }

    public boolean hasEmail() {
        return email != null;
    }

    String passwordHash() {
        return passwordHash;
    }

    public String handle() {
        return handle;
    }

    public String displayName() {
        return displayName;
    }

    public String country() {
        return country;
    }

    public List<String> languages() {
        return List.copyOf(languages);
    }

    public Integer birthYear() {
        return birthYear;
    }

    public ContentWarningMode contentWarningMode() {
        return contentWarningMode;
    }

    public List<ContentWarning> hiddenContentWarnings() {
        return hiddenContentWarnings.stream().map(ContentWarning::valueOf).toList();
    }

    public Set<String> roles() {
        return new LinkedHashSet<>(roles);
    }

    public boolean isProfessional() {
        return roles.contains(CurrentUser.PROFESSIONAL);
    }

    public AccountStatus status() {
        return status;
    }

    public int guidelinesVersion() {
        return guidelinesVersion;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }

    public long version() {
        return version;
    }
}

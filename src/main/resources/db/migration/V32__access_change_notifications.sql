-- Per-replica caches of access facts (accounts.LiveSessions: session -> account status, roles, guidelines version,
-- content-warning preferences) are invalidated by these notifications, sent at commit to every replica that LISTENs on kindred_access
-- (issue 20). Payload: 's:<session id>' or 'a:<account id>'. Only changes that can alter a session check notify,
-- so refreshing a token or editing a profile does not.
CREATE FUNCTION kindred_notify_session_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('kindred_access', 's:' || OLD.id);
    RETURN NULL;
END
$$;

CREATE FUNCTION kindred_notify_account_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('kindred_access', 'a:' || OLD.id);
    RETURN NULL;
END
$$;

CREATE TRIGGER auth_sessions_access_changed AFTER UPDATE ON auth_sessions FOR EACH ROW
    WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
          OR OLD.account_id IS DISTINCT FROM NEW.account_id)
    EXECUTE FUNCTION kindred_notify_session_changed();
CREATE TRIGGER auth_sessions_access_removed AFTER DELETE ON auth_sessions FOR EACH ROW
    EXECUTE FUNCTION kindred_notify_session_changed();

CREATE TRIGGER accounts_access_changed AFTER UPDATE ON accounts FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.roles IS DISTINCT FROM NEW.roles
          OR OLD.guidelines_version IS DISTINCT FROM NEW.guidelines_version
          OR OLD.content_warning_mode IS DISTINCT FROM NEW.content_warning_mode
          OR OLD.hidden_content_warnings IS DISTINCT FROM NEW.hidden_content_warnings)
    EXECUTE FUNCTION kindred_notify_account_changed();
CREATE TRIGGER accounts_access_removed AFTER DELETE ON accounts FOR EACH ROW
    EXECUTE FUNCTION kindred_notify_account_changed();

-- The per-replica memory of group facts and memberships (groups.LiveGroupFacts) is invalidated by these
-- notifications, sent at commit on the same channel as V32's to every replica that LISTENs on kindred_access
-- (issue 20). Payload: 'g:<group id>' or 'm:<group id>:<account id>'. Only changes that can alter an access decision
-- notify: a group's counters, description or search text do not, a membership's request message or decision note do
-- not.
CREATE FUNCTION kindred_notify_group_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('kindred_access', 'g:' || OLD.id);
    RETURN NULL;
END
$$;

CREATE FUNCTION kindred_notify_membership_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM pg_notify('kindred_access', 'm:' || OLD.group_id || ':' || OLD.account_id);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM pg_notify('kindred_access', 'm:' || NEW.group_id || ':' || NEW.account_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER groups_access_changed AFTER UPDATE ON groups FOR EACH ROW
    WHEN (OLD.slug IS DISTINCT FROM NEW.slug OR OLD.name IS DISTINCT FROM NEW.name
          OR OLD.visibility IS DISTINCT FROM NEW.visibility OR OLD.archived_at IS DISTINCT FROM NEW.archived_at
          OR OLD.rules_version IS DISTINCT FROM NEW.rules_version OR OLD.rules IS DISTINCT FROM NEW.rules
          OR OLD.language IS DISTINCT FROM NEW.language OR OLD.id IS DISTINCT FROM NEW.id)
    EXECUTE FUNCTION kindred_notify_group_changed();
CREATE TRIGGER groups_access_removed AFTER DELETE ON groups FOR EACH ROW
    EXECUTE FUNCTION kindred_notify_group_changed();

CREATE TRIGGER memberships_access_added AFTER INSERT OR DELETE ON memberships FOR EACH ROW
    EXECUTE FUNCTION kindred_notify_membership_changed();
CREATE TRIGGER memberships_access_changed AFTER UPDATE ON memberships FOR EACH ROW
    WHEN (OLD.role IS DISTINCT FROM NEW.role OR OLD.status IS DISTINCT FROM NEW.status
          OR OLD.rules_version_accepted IS DISTINCT FROM NEW.rules_version_accepted
          OR OLD.joined_at IS DISTINCT FROM NEW.joined_at OR OLD.banned_until IS DISTINCT FROM NEW.banned_until
          OR OLD.group_id IS DISTINCT FROM NEW.group_id OR OLD.account_id IS DISTINCT FROM NEW.account_id)
    EXECUTE FUNCTION kindred_notify_membership_changed();

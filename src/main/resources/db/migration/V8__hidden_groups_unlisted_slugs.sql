-- Hidden means hidden: a HIDDEN group never holds a plain slug (see groups/GroupSlugs). While one did, creating a
-- group of the same name got "name-2" and so revealed that a hidden group called "name" exists. Groups created HIDDEN,
-- or made HIDDEN, now get the name's slug and 12 random letters; this gives the HIDDEN groups that already exist the
-- same form. Their members reach them by id or by the new slug (to everyone else the old slug was a 404 anyway).
-- The new slug is the old one (at most 66 characters of it), a dash and 12 letters taken from the fully random bytes
-- of gen_random_uuid() (4 bits each); a candidate that another group already holds is drawn again.
DO
$$
DECLARE
    g         record;
    base      text;
    candidate text;
BEGIN
    FOR g IN SELECT id, slug FROM groups WHERE visibility = 'HIDDEN' ORDER BY id LOOP
        base := rtrim(left(g.slug, 66), '-');
        LOOP
            SELECT base || '-' || string_agg(substr('ghjkmnpqrstvwxyz', get_byte(r.bytes, i) % 16 + 1, 1), '' ORDER BY i)
            INTO candidate
            FROM (SELECT uuid_send(gen_random_uuid()) AS bytes) r,
                 unnest(ARRAY [0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15]) AS i;
            EXIT WHEN NOT EXISTS (SELECT 1 FROM groups WHERE slug = candidate);
        END LOOP;
        UPDATE groups SET slug = candidate, version = version + 1 WHERE id = g.id;
    END LOOP;
END
$$;

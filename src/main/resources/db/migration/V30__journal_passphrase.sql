-- The optional member-chosen journal passphrase. When it is set, journals.wrapped_key holds two layers: the data key
-- sealed (AES-256-GCM) with a key derived from the passphrase by Argon2id, and that sealed in turn by the KEK. The
-- KEK alone then unwraps only the inner ciphertext; the passphrase is never stored. The salt and the Argon2id
-- parameters the key was derived with are stored per journal, so changing the defaults never strands a journal.
ALTER TABLE journals
    ADD COLUMN passphrase_salt        bytea,        -- 16 random bytes; null: no passphrase
    ADD COLUMN passphrase_memory_kib  integer,
    ADD COLUMN passphrase_iterations  integer,
    ADD COLUMN passphrase_parallelism integer,
    ADD COLUMN passphrase_set_at      timestamptz,
    ADD CONSTRAINT journals_passphrase_complete CHECK (
        (passphrase_salt IS NULL AND passphrase_memory_kib IS NULL AND passphrase_iterations IS NULL
            AND passphrase_parallelism IS NULL AND passphrase_set_at IS NULL)
        OR (octet_length(passphrase_salt) >= 16 AND passphrase_memory_kib >= 19456 AND passphrase_iterations >= 1
            AND passphrase_parallelism >= 1 AND passphrase_set_at IS NOT NULL));

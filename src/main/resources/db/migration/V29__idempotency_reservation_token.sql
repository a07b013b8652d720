-- Which request holds an idempotency reservation. A request locks its reservation row for as long as its write
-- transaction runs; a retry that finds the row unlocked knows that request is gone (its transaction ended without
-- storing a response, e.g. the database connection was lost) and takes the reservation over at once, with a new
-- token, instead of answering 409 for a minute. The old request, if it ever reaches its transaction, finds another
-- token and writes nothing.
ALTER TABLE idempotency_keys ADD COLUMN reservation uuid;

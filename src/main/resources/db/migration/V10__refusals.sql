-- A refused request (GDPR art. 12(4)): the officer's ground and reasons, which the letter to the subject states.
-- Portable SQL: the same script runs on H2 and PostgreSQL.

-- The ground: unverifiable (art. 11(2), 12(2)), unfounded or excessive (art. 12(5)). It stays after the purge, like
-- the request's type and status: the register says why a request was not carried out, without personal data.
ALTER TABLE dsr_request ADD COLUMN refusal_ground VARCHAR(20);
-- The officer's reasons, in their words, for the letter: free text, so deleted with the request's personal data.
ALTER TABLE dsr_request ADD COLUMN refusal_reason VARCHAR(1000);

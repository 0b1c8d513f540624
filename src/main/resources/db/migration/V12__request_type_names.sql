-- The request types of issue 14 have longer names than export and erasure: rectification, restriction,
-- lift-restriction (16), objection. The request's type and the ledger's copy of it take up to 20 characters.
-- Portable SQL: SET DATA TYPE is understood by H2 and PostgreSQL alike; widening keeps every value (and so every
-- ledger hash) as it was.
ALTER TABLE dsr_request ALTER COLUMN type SET DATA TYPE VARCHAR(20);
ALTER TABLE dsr_ledger ALTER COLUMN request_type SET DATA TYPE VARCHAR(20);

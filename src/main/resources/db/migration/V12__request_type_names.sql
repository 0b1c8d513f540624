-- Issue 14 adds request types whose wire names are longer than the ten characters the first versions gave the column
-- (rectification, restriction, lift-restriction, objection): the request's type and the register's copy of it get room
-- for every name RequestType has (the longest, lift-restriction, is 16). Widening keeps every stored value as it is.
-- Portable SQL: the same script runs on H2 and PostgreSQL.
ALTER TABLE dsr_request ALTER COLUMN type SET DATA TYPE VARCHAR(30);
ALTER TABLE dsr_ledger ALTER COLUMN request_type SET DATA TYPE VARCHAR(30);

-- Mailed requests that are not authenticated wait for the officer's confirmation. Portable SQL: the same
-- script runs on H2 and PostgreSQL.

-- New statuses AWAITING_CONFIRMATION (a held request: nothing planned until the officer confirms it) and
-- DISCARDED (a held request the officer did not send: closed, its personal data deleted) need room.
ALTER TABLE dsr_request ALTER COLUMN status SET DATA TYPE VARCHAR(30);

-- The one-time code mailed to the officer for a held request. Only its SHA-256 is stored: the code itself
-- is in the mail alone, so whoever reads the database cannot confirm a request with it. A request mailed
-- again gets a new code, which replaces the earlier one.
CREATE TABLE dsr_confirmation_code (
    code_hash    VARCHAR(64)  NOT NULL PRIMARY KEY,
    request_id   VARCHAR(40)  NOT NULL REFERENCES dsr_request (id),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX dsr_confirmation_code_request ON dsr_confirmation_code (request_id);

-- Officer notices are raised once per request and level; a reply from an unexpected sender is raised once
-- per request and connector ("unexpected-reply <connector>"), which needs a longer level.
ALTER TABLE dsr_officer_notice ALTER COLUMN level SET DATA TYPE VARCHAR(80);

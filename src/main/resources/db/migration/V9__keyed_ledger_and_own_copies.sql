-- The hub's own copies and its register (issue 12, item 15). Portable SQL: the same script runs on H2 and PostgreSQL.

-- The ledger's chain is keyed: rows from keyed_from on hash the row before with an HMAC under the ledger key, so
-- rewriting the register and recomputing the chain needs the key. Rows before it were chained with SHA-256 by an
-- earlier version and still verify so. The seal is an HMAC of where the keyed chain starts, the last row and its
-- hash: it is written once when this migration runs (nl.dsrhub.store.LedgerSeal), then by every append.
ALTER TABLE dsr_ledger_head ADD COLUMN keyed_from BIGINT;
ALTER TABLE dsr_ledger_head ADD COLUMN seal VARCHAR(64);
UPDATE dsr_ledger_head SET keyed_from = seq + 1;
ALTER TABLE dsr_ledger_head ALTER COLUMN keyed_from SET NOT NULL;

-- The register keeps an extension's reason (one line, without the person's data) beside its new deadline.
ALTER TABLE dsr_ledger ALTER COLUMN detail SET DATA TYPE VARCHAR(400);

-- A mail whose content the hub kept where it belongs (a request stored, a reply's task settled with its files) is
-- deleted from the hub's mailbox; after a crash between keeping and deleting, reading it again deletes it.
ALTER TABLE dsr_mail_seen ADD COLUMN kept BOOLEAN DEFAULT FALSE NOT NULL;

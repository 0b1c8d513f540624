-- Delivery at least once: the intent is stored before the result is written (PENDING); failed sends are
-- tried again (FAILED, attempts counted) until dsr.delivery.max-attempts (GAVE_UP).
-- state: PENDING | SENDING | SENT | FAILED | GAVE_UP
ALTER TABLE dsr_delivery ADD COLUMN attempts INT DEFAULT 0 NOT NULL;

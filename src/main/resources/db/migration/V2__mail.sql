-- Mail: letters to mail-only processors and the mails the hub has read. No column holds personal data:
-- addresses and bodies are never stored here, only tokens, hashed message ids and dates, so the
-- purge has nothing to remove from these tables (the letter's text lives only in the sent mail).

-- One formal letter per mail-channel task. The row is written (SENDING) before the mail goes out and
-- marked SENT after the SMTP server took it: after a crash in between, the hub does not send a second
-- letter (the reminder, a few days later, covers a letter that never left).
CREATE TABLE dsr_mail_letter (
    task_id      BIGINT       NOT NULL PRIMARY KEY REFERENCES dsr_task (id),
    request_id   VARCHAR(40)  NOT NULL,
    connector    VARCHAR(60)  NOT NULL,
    token        VARCHAR(40)  NOT NULL UNIQUE,    -- correlation token in the subject, e.g. DSR-7KQ2M9XA4T
    state        VARCHAR(12)  NOT NULL,           -- SENDING | SENT | REPLIED
    sent_at      TIMESTAMP WITH TIME ZONE,
    reminded_at  TIMESTAMP WITH TIME ZONE,        -- the one reminder
    replied_at   TIMESTAMP WITH TIME ZONE,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX dsr_mail_letter_state ON dsr_mail_letter (state);

-- Every mail read from the hub's mailbox, by the SHA-256 of its Message-ID (the id itself can name
-- the sender's domain): each mail is handled once, also across restarts.
CREATE TABLE dsr_mail_seen (
    message_key  VARCHAR(64)  NOT NULL PRIMARY KEY,
    kind         VARCHAR(20)  NOT NULL,           -- intake | reply | refused | unreadable
    outcome      VARCHAR(300),                    -- what became of it, without personal data
    request_id   VARCHAR(40),
    seen_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Delivery of a result to the subject's verified address (dsr.delivery.enabled). Written SENDING
-- before the mail goes out, SENT after: a result is mailed once, never twice.
CREATE TABLE dsr_delivery (
    request_id   VARCHAR(40)  NOT NULL PRIMARY KEY REFERENCES dsr_request (id),
    state        VARCHAR(12)  NOT NULL,           -- SENDING | SENT
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

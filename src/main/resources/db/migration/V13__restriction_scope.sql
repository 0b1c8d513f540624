-- Where a restriction of processing (art. 18) changed something that the processor itself cannot point out again when
-- it is lifted (issue 14): Laposta keeps no mark, so the hub keeps the lists it unsubscribed the person from. Written when
-- the restriction request completes (its task's identifiers are purged with it, a restriction usually lasts longer),
-- handed to the lifting request when it is planned, deleted when the restriction is lifted. Request ids and the
-- processor's own ids (a list id) only, never the person: linked to them only through the restriction register's
-- pseudonym. Portable SQL: the same script runs on H2 and PostgreSQL.
CREATE TABLE dsr_restriction_scope (
    restriction_request_id  VARCHAR(40)   NOT NULL,   -- the restriction request
    name                    VARCHAR(100)  NOT NULL,   -- the identifier a lifting runs over, e.g. laposta.restrictedList
    id_value                VARCHAR(300)  NOT NULL,   -- e.g. a Laposta list id
    PRIMARY KEY (restriction_request_id, name, id_value)
);

-- Circuit breaker state per connector, written by the running hub on every state change, so that
-- `status` and `connectors` (separate processes) show operators which processors are being spared.
CREATE TABLE dsr_breaker (
    connector   VARCHAR(60)  NOT NULL PRIMARY KEY,
    state       VARCHAR(20)  NOT NULL,            -- CLOSED, OPEN, HALF_OPEN (resilience4j's names)
    since       TIMESTAMP WITH TIME ZONE NOT NULL,
    open_until  TIMESTAMP WITH TIME ZONE,         -- when an OPEN breaker lets a trial call through
    last_error  VARCHAR(2000)                     -- personal-data-free, as in dsr_task.last_error
);

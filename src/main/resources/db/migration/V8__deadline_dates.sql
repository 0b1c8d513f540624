-- A deadline is a date: the end of that day in Europe/Amsterdam (GDPR art. 12(3), counted as Regulation 1182/71
-- counts periods; see nl.dsrhub.request.Deadlines). Portable SQL: the same script runs on H2 and PostgreSQL.

-- The subject's deadline, its date before an extension (art. 12(3): counted from it), and the date the processors
-- are asked to answer by (dsr.deadline.processor-days, at least a week before the subject's).
ALTER TABLE dsr_request ADD COLUMN due_date DATE;
ALTER TABLE dsr_request ADD COLUMN original_due_date DATE;
ALTER TABLE dsr_request ADD COLUMN processor_due_date DATE;

-- Requests stored before keep the deadline they were given, as its date in Dutch time...
UPDATE dsr_request SET due_date = CAST(deadline AT TIME ZONE 'Europe/Amsterdam' AS DATE);
UPDATE dsr_request SET original_due_date = CAST(original_deadline AT TIME ZONE 'Europe/Amsterdam' AS DATE)
    WHERE original_deadline IS NOT NULL;
-- ...or, when it was not extended, the law's date where that is earlier: a month from the Dutch date of receipt (a month
-- added in the file's offset could end a day late, e.g. 23:30 UTC on 30 March gave 1 May in Dutch time, not 30 April).
UPDATE dsr_request SET due_date = CAST(CAST(received_at AT TIME ZONE 'Europe/Amsterdam' AS DATE) + INTERVAL '1' MONTH AS DATE)
    WHERE original_deadline IS NULL
      AND CAST(CAST(received_at AT TIME ZONE 'Europe/Amsterdam' AS DATE) + INTERVAL '1' MONTH AS DATE) < due_date;
ALTER TABLE dsr_request ALTER COLUMN due_date SET NOT NULL;
-- Their processors' date stays empty: the hub reckons it from the day the request reached it, as for new requests.

-- The timestamp columns deadline and original_deadline are no longer read. New requests and extensions still fill
-- them (23:59:59 Dutch time of the due date), as the schema requires deadline.

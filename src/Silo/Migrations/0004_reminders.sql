-- Reminders for the ADO.NET reminder table. grain_hash is the grain's uniform hash, which Orleans
-- keeps as an unsigned 32-bit number and the provider passes cast to a signed one; the range
-- queries below compare in that signed space, where the provider has already picked the query
-- for a plain range (ReadRangeRows1Key) or one that wraps around the ring (ReadRangeRows2Key).
-- Ranges are (begin, end]: the begin hash excluded, the end hash included.
CREATE TABLE orleans_reminders
(
    service_id    varchar(150)  NOT NULL,
    grain_id      varchar(1024) NOT NULL,
    reminder_name varchar(150)  NOT NULL,
    start_time    timestamptz   NOT NULL,
    period        bigint        NOT NULL,
    grain_hash    integer       NOT NULL,
    version       integer       NOT NULL,
    CONSTRAINT pk_orleans_reminders PRIMARY KEY (service_id, grain_id, reminder_name),
    -- A zero period stored once made every silo fail its reminder load afterwards: refuse it at
    -- registration, where the caller sees the error.
    CONSTRAINT ck_orleans_reminders_period CHECK (period > 0)
);

CREATE INDEX ix_orleans_reminders_hash ON orleans_reminders (service_id, grain_hash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadReminderRowsKey', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId
$sql$),
('ReadReminderRowKey', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
$sql$),
('ReadRangeRows1Key', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
$sql$),
('ReadRangeRows2Key', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
$sql$),
-- Registering again under the same name replaces the schedule and moves the version on, so a
-- handle read before the change can no longer unregister it.
('UpsertReminderRowKey', $sql$
INSERT INTO orleans_reminders AS r (service_id, grain_id, reminder_name, start_time, period,
                                    grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT ON CONSTRAINT pk_orleans_reminders DO UPDATE
SET start_time = EXCLUDED.start_time, period = EXCLUDED.period,
    grain_hash = EXCLUDED.grain_hash, version = r.version + 1
RETURNING r.version AS "Version"
$sql$),
('DeleteReminderRowKey', $sql$
WITH deleted AS (
    DELETE FROM orleans_reminders
    WHERE service_id = @ServiceId AND grain_id = @GrainId
      AND reminder_name = @ReminderName AND version = @Version
    RETURNING 1
)
SELECT count(*) > 0 FROM deleted
$sql$),
('DeleteReminderRowsKey', $sql$
DELETE FROM orleans_reminders WHERE service_id = @ServiceId
$sql$)
ON CONFLICT ON CONSTRAINT pk_orleans_query DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Grain state for the ADO.NET grain storage provider.
-- A grain's row is identified by service, state name (the provider's "grain type"), the key as
-- two 64-bit halves (N0, N1; zero for string keys) and the string part of the key (the whole
-- string key, or the key extension, or NULL). The two hashes lead the index so a lookup is one
-- narrow index probe; the remaining columns settle hash collisions.
-- version is the grain's ETag: every write or clear names the version it read and succeeds only
-- when that is still current, otherwise it changes nothing and the provider raises
-- InconsistentStateException.
CREATE TABLE orleans_storage
(
    grain_id_hash      integer      NOT NULL,
    grain_id_n0        bigint       NOT NULL,
    grain_id_n1        bigint       NOT NULL,
    grain_type_hash    integer      NOT NULL,
    grain_type         varchar(512) NOT NULL,
    grain_id_extension varchar(512) NULL,
    service_id         varchar(150) NOT NULL,
    payload_binary     bytea        NULL,
    version            integer      NOT NULL,
    modified_on        timestamptz  NOT NULL DEFAULT now(),
    -- NULLS NOT DISTINCT: two rows for the same integer key without extension would otherwise
    -- both be allowed, and the insert race below would create duplicates.
    CONSTRAINT uq_orleans_storage_grain UNIQUE NULLS NOT DISTINCT
        (grain_id_hash, grain_type_hash, service_id, grain_type, grain_id_n0, grain_id_n1,
         grain_id_extension)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', $sql$
SELECT payload_binary AS "PayloadBinary", version AS "Version"
FROM orleans_storage
WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
  AND service_id = @ServiceId AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
$sql$),
-- One statement, so it is atomic without a function. A grain without an ETag inserts version 1;
-- when another activation inserted first, ON CONFLICT waits for it and then inserts nothing. A
-- grain with an ETag updates only the row still at that version; a concurrent writer holding the
-- row lock makes this one re-check the version after it commits, and find it stale. Either way a
-- refused write returns no row, which the provider reports as a version conflict.
('WriteToStorageKey', $sql$
WITH updated AS (
    UPDATE orleans_storage
    SET payload_binary = @PayloadBinary, version = version + 1, modified_on = now()
    WHERE @GrainStateVersion IS NOT NULL
      AND grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
      AND service_id = @ServiceId AND grain_type = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
      AND version = @GrainStateVersion
    RETURNING version
), inserted AS (
    INSERT INTO orleans_storage (grain_id_hash, grain_id_n0, grain_id_n1, grain_type_hash,
                                 grain_type, grain_id_extension, service_id, payload_binary,
                                 version)
    SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
           @GrainIdExtensionString, @ServiceId, @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT ON CONSTRAINT uq_orleans_storage_grain DO NOTHING
    RETURNING version
)
SELECT version AS "NewGrainStateVersion" FROM updated
UNION ALL
SELECT version FROM inserted
$sql$),
-- Clearing keeps the row with no payload and a new version, so a stale writer is still refused.
('ClearStorageKey', $sql$
UPDATE orleans_storage
SET payload_binary = NULL, version = version + 1, modified_on = now()
WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
  AND service_id = @ServiceId AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
  AND version = @GrainStateVersion
RETURNING version AS "NewGrainStateVersion"
$sql$),
-- Used when DeleteStateOnClear is set. The provider expects the deleted version plus one back,
-- and no row when the version was stale.
('DeleteStorageKey', $sql$
DELETE FROM orleans_storage
WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
  AND service_id = @ServiceId AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
  AND version = @GrainStateVersion
RETURNING version + 1 AS "NewGrainStateVersion"
$sql$)
ON CONFLICT ON CONSTRAINT pk_orleans_query DO UPDATE SET QueryText = EXCLUDED.QueryText;

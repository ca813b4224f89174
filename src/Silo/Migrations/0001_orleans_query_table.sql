-- The Orleans ADO.NET providers load their SQL at start with
-- "SELECT QueryKey, QueryText FROM OrleansQuery", so this table's name and column names are theirs.
-- Unquoted, PostgreSQL folds them to lower case; the providers look result columns up by name and
-- Npgsql falls back to a case-insensitive match, so both spellings meet.
-- Later scripts upsert their query texts here, so a text can be corrected by a new migration.
CREATE TABLE OrleansQuery
(
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,
    CONSTRAINT pk_orleans_query PRIMARY KEY (QueryKey)
);

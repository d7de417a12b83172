-- Which numbered migrations (V<n>__*.sql) this file has had applied; read on every open.
CREATE TABLE IF NOT EXISTS eventsmith_schema (
  version    INTEGER PRIMARY KEY,
  applied_at TEXT    NOT NULL
);

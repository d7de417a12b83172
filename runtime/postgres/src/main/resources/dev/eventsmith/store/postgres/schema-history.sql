-- Which numbered migrations (V<n>__*.sql) this database has had applied; read on every open.
CREATE TABLE IF NOT EXISTS eventsmith_schema (
  version    integer     PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now()
);

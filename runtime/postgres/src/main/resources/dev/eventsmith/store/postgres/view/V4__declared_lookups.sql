-- The lookups each view's index was built for, by name, with the version the view's RowCodec gave
-- it. Opening a view compares them with the codec's lookups: one declared anew or at another
-- version is indexed from the stored rows, one no longer declared loses its entries (see
-- JdbcViewStore.reconcileLookups). A view from before V4 records what its index holds at version
-- '' (no lookup has it), so its first open under V4 rebuilds or drops every lookup: its index may
-- lack rows written before the lookup was declared.
CREATE TABLE IF NOT EXISTS eventsmith_view_lookups (
  view_name TEXT NOT NULL,
  lookup    TEXT NOT NULL,
  version   TEXT NOT NULL,
  PRIMARY KEY (view_name, lookup)
);
INSERT INTO eventsmith_view_lookups (view_name, lookup, version)
  SELECT DISTINCT '${view}', lookup, '' FROM eventsmith_look_${view} WHERE true -- WHERE: SQLite reads ON as a join's otherwise
  ON CONFLICT (view_name, lookup) DO NOTHING;

/**
 * What the JDBC stores (SQLite, PostgreSQL) share: reading event rows, migrating the add-on parts
 * of a database (views, snapshots, checkpoints), and the view, snapshot and checkpoint stores
 * themselves. Each store module supplies only its dialect ({@link
 * dev.eventsmith.store.jdbc.internal.Dialect}: the SQL that differs) and its connection handling
 * ({@link dev.eventsmith.store.jdbc.internal.JdbcDatabase}).
 *
 * <p>Internal: not an API. Its types are public only so that the store modules can use them; they
 * may change in any release.
 */
package dev.eventsmith.store.jdbc.internal;

/**
 * The PostgreSQL event store.
 *
 * <h2>Why the global log has no gaps a reader can skip</h2>
 *
 * <p>A sequence (bigserial) hands out positions when rows are inserted, but rows become visible when
 * their transaction commits. If a slow transaction takes position 5, a fast one takes 6 and commits
 * first, a reader sees 6, remembers "after 6", and never sees 5. Three known answers:
 *
 * <ul>
 *   <li><b>Marten's high-water mark</b>: a daemon advances a "safe" mark up to the first gap, and
 *       after a timeout declares a gap permanent and skips it. Simple for readers, but a transaction
 *       slower than the timeout is skipped for good: an event lost to every projection.
 *   <li><b>Axon's gap-aware tracking token</b>: the reader's checkpoint carries the set of gaps below
 *       its position and re-queries them until they fill or expire. Exact while it remembers, but the
 *       checkpoint is no longer one number (our {@code readAll(long afterPosition)} is), and gaps also
 *       expire after a while.
 *   <li><b>Transaction ids (xid8, PostgreSQL 13+)</b>: store the appending transaction's id with each
 *       event and let readers take only events of transactions older than every transaction still in
 *       flight, {@code pg_snapshot_xmin(pg_current_snapshot())}. No timeout, no daemon, exact.
 * </ul>
 *
 * <p>We chose transaction ids, folded into the single {@code long} position the SPI promises:
 * {@code position = (pg_current_xact_id() << 16) + index of the event in its append}. Appends still
 * run and commit concurrently (so PostgreSQL's own group commit applies), the position is known
 * before commit (so {@code append} returns it), and {@code readAll} adds {@code position <
 * (xmin << 16)}: every row below that bound is final, and every transaction that may still write
 * has an id at or above xmin, so its rows land above it. A reader that resumes after the last
 * position it saw therefore never misses a late commit.
 *
 * <p>The costs, accepted knowingly: positions increase but are not dense (they jump between
 * transactions); an append holds at most 65,536 events; and the log a reader sees lags behind the
 * oldest transaction still writing anywhere in the database cluster, so a long-running writing
 * transaction (even an unrelated one) holds back subscribers until it ends. Transaction ids are
 * 64-bit and never wrap; the 16-bit shift leaves room for 2^47 transactions.
 */
package dev.eventsmith.store.postgres;

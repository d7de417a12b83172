/**
 * Runners split into segments, so several instances of a service share a view's projection, an
 * automation or a process ({@link dev.eventsmith.runtime.segment.SegmentedProcess}): segments by
 * key hash, leases with fencing tokens, fair shares, split and merge.
 *
 * <h2>How the work is split</h2>
 *
 * <p>A runner's keys (a view's row keys; an automation's streams; a process's instance keys) are cut into segments by
 * {@link dev.eventsmith.runtime.segment.KeyHash}, a 32-bit FNV-1a of the key's UTF-8 bytes:
 * segment {@code i of n} holds the keys whose hash leaves {@code i} divided by {@code n}. Each
 * segment has its own checkpoint, committed with its rows. Every instance reads the whole log
 * (from the lowest checkpoint of the segments it holds) and applies each event only to the
 * segments it holds that own the event's keys, so the events of one key are applied in log order,
 * by the one instance that holds the key's segment, and a row never spans two segments. An event
 * that changes several rows hands each row's change to the segment of that row's key.
 *
 * <h2>Who holds a segment</h2>
 *
 * <p>Instances claim segments through {@link dev.eventsmith.runtime.segment.SegmentLeases}: a
 * lease with an expiry and a fencing token that grows with every claim. A page is committed only
 * while its segment's lease still carries the token it was worked under, in the same transaction as
 * its rows and checkpoint, so an instance that lost a segment (paused past its lease, cut off from
 * the database) can never write to it again. Clocks decide only when a lease may be taken over,
 * never whether a write is correct. Instances renew their leases, hand back segments above their
 * {@link dev.eventsmith.runtime.segment.FairShare}, and take free or expired ones up to it; a
 * closed instance hands its segments back at once.
 *
 * <h2>Split, merge, and running unsplit</h2>
 *
 * <p>A segment {@code i of n} splits into {@code i of 2n} and {@code i+n of 2n}, both starting at
 * its checkpoint; two such halves merge back. A merge starts the merged segment at the lower of the
 * two checkpoints and remembers how far the other half had got ({@link
 * dev.eventsmith.runtime.segment.SegmentCheckpoint#ahead()}), so no event is applied to a key twice
 * and none is missed: both keep exactly-once. {@link dev.eventsmith.runtime.segment.SegmentLeases#sole()}
 * with {@link dev.eventsmith.runtime.segment.SegmentedViewStore#whole} or {@link
 * dev.eventsmith.runtime.segment.SegmentedCheckpoints#whole} runs the same code unsplit, on SQLite or
 * in memory. See docs/scaling.md.
 */
package dev.eventsmith.runtime.segment;

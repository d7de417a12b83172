/**
 * Views (read models) built from the global log: catch up from a checkpoint, follow live, rebuild.
 *
 * <h2>Delivery guarantees</h2>
 *
 * <p>A {@link dev.eventsmith.runtime.projection.ProjectionRunner} reads the log after the view's
 * checkpoint and hands each page to {@link dev.eventsmith.runtime.projection.ViewStore#apply},
 * which stores the changed rows and the new checkpoint in one transaction, and only if the
 * checkpoint is still the one the page was read from (compare-and-set on the position and a fence
 * that grows with every change, see {@link dev.eventsmith.runtime.checkpoint.Checkpoint}). What a
 * crash can do therefore depends only on where the rows and the checkpoint live:
 *
 * <ul>
 *   <li><b>Exactly once</b>: the view store keeps the rows and the checkpoint in one database and
 *       commits them together (the SQLite and PostgreSQL view stores do, in the events' database or
 *       in another one: reading the log has no side effect, so where the events live does not
 *       matter). A page is either applied with its checkpoint or not at all, and is then read again.
 *   <li><b>At least once</b>: whenever the effects of handling an event land in another database
 *       (or service) than the checkpoint, for example a view store written by hand that keeps its
 *       rows in one database and its checkpoint in another or in a file, or a handler that calls
 *       out to another system, as {@link dev.eventsmith.runtime.automation.AutomationRunner} does.
 *       A crash between the two writes repeats the events since the last checkpoint, so handlers on
 *       that path must be idempotent: keyed upserts instead of increments, or remembering the
 *       global positions or event ids they have seen next to their data.
 * </ul>
 *
 * <p>Neither path ever skips an event: the runner resumes after the last position it stored, and
 * every store's {@code readAll} promises that no event commits later below a position a reader has
 * passed (positions need not be consecutive; PostgreSQL's are not).
 *
 * <h2>Several runners of one view</h2>
 *
 * <p>A view may be projected by several runners at once, in one process or in many (a rolling
 * deploy, replicas): when two read the same page, the first to apply it moves the checkpoint, the
 * other's apply is refused ({@link dev.eventsmith.runtime.checkpoint.CheckpointConflictException},
 * nothing written), and that runner re-reads the checkpoint and carries on after it. No event
 * counts twice; the work is done twice, so more runners make a view no faster: to spread a view
 * over instances, split it into segments ({@link dev.eventsmith.runtime.segment.SegmentedProjection}).
 * A reset fences off every runner that read the view before it.
 *
 * <h2>Failures</h2>
 *
 * <p>A runner stops, naming the event's type, stream, version and global position, when a
 * projector throws (an {@code Error} included), when an event does not decode, and when an
 * event's type is unknown to its codec: an event written by a newer deploy, or under a changed
 * stored name, must not be skipped silently, so only the types named in {@link
 * dev.eventsmith.runtime.projection.ProjectionRunner#skippingTypes} (another model's, sharing the
 * store) are skipped. A {@link dev.eventsmith.runtime.projection.LiveProjection} retries a store
 * that is unavailable for now and stops on everything else.
 */
package dev.eventsmith.runtime.projection;

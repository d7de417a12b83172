/**
 * Views (read models) built from the global log: catch up from a checkpoint, follow live, rebuild.
 *
 * <h2>Delivery guarantees</h2>
 *
 * <p>A {@link dev.eventsmith.runtime.projection.ProjectionRunner} reads the log after the view's
 * checkpoint and hands each page to {@link dev.eventsmith.runtime.projection.ViewStore#apply},
 * which stores the changed rows and the new checkpoint in one transaction. What a crash can do
 * therefore depends only on where the rows and the checkpoint live:
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
 * <p>One runner per view at a time: two processes applying the same view concurrently could each
 * apply the same page. Run a view's projection in one process.
 */
package dev.eventsmith.runtime.projection;

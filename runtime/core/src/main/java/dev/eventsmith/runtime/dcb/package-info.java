/**
 * Decisions across streams: dynamic consistency boundaries (dcb.events). Events carry tags; a
 * decision reads the events matching a {@link dev.eventsmith.runtime.dcb.EventQuery}, decides, and
 * appends under an {@link dev.eventsmith.runtime.dcb.AppendCondition}: "no event matching the
 * query after the position read". Stores that offer it implement
 * {@link dev.eventsmith.runtime.dcb.TaggedEventStore}.
 */
package dev.eventsmith.runtime.dcb;

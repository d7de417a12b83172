/**
 * What only generated code calls: the checks its records and codecs share, written once here
 * instead of once per field and per event. Not an API: it changes with the generator, whose
 * output and this package always come from the same release.
 */
package dev.eventsmith.runtime.internal;

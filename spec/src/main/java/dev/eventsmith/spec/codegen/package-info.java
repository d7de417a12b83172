/**
 * What the validator must know of the Java code generated from a model, owned here so that the
 * validator and the generator agree: the names the generated code takes ({@link
 * dev.eventsmith.spec.codegen.GeneratedName}), the types it refers to by simple name ({@link
 * dev.eventsmith.spec.codegen.ReservedNames}) and the sizes javac and file systems accept ({@link
 * dev.eventsmith.spec.codegen.JavaLimits}).
 */
package dev.eventsmith.spec.codegen;

/**
 * Descriptions of a model that its generated code provides ({@code <Model>Model}), for code that
 * runs any model: the Spring Boot starter, the HTTP module.
 */
package dev.eventsmith.runtime.model;

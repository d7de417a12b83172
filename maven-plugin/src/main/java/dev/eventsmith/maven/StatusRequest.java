package dev.eventsmith.maven;

import java.nio.file.Path;

/**
 * What {@code status}, {@code check-specs} and {@code diagram} read.
 *
 * @param model the model file or folder
 * @param baseDir the project folder, that file names are relative to
 * @param classes the compiled hand-written code
 * @param reports the folder of JUnit XML reports ({@code TEST-*.xml}) of the last test run
 */
record StatusRequest(Path model, Path baseDir, Path classes, Path reports) {}

package dev.eventsmith.maven;

import java.nio.file.Path;

/** What the {@code diagram} goal draws, and where to. */
record DiagramRequest(StatusRequest status, Path outputDir) {}

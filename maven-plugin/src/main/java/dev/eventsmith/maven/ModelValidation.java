package dev.eventsmith.maven;

import dev.eventsmith.spec.LoadResult;
import dev.eventsmith.spec.ModelLoader;
import java.nio.file.Path;

/** Loads and checks a model; no Maven types, so it is usable and testable outside a build. */
final class ModelValidation {

  private final Path model;
  private final Path displayBase;

  ModelValidation(Path model, Path displayBase) {
    this.model = model;
    this.displayBase = displayBase;
  }

  LoadResult run() {
    return ModelLoader.load(model, displayBase);
  }
}

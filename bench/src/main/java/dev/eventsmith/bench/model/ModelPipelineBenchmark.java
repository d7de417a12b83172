package dev.eventsmith.bench.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.eventsmith.generator.emit.GeneratedSource;
import dev.eventsmith.generator.emit.Generator;
import dev.eventsmith.generator.emit.Implementations;
import dev.eventsmith.spec.LoadResult;
import dev.eventsmith.spec.ModelLoader;
import dev.eventsmith.spec.ModelSource;
import dev.eventsmith.spec.model.EventModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The model pipeline on a synthetic model of 1,000 events, 500 commands and 2,000 specs: read and
 * validate the YAML, generate every main and test source (rendered to text, as the processor
 * writes it), and both together. Goal (issue 3): under one second for the whole pipeline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
public class ModelPipelineBenchmark {

  /** Aggregates in the synthetic model, each with 10 events, 5 commands and 20 specs. */
  @Param({"100"})
  public int aggregates;

  private List<ModelSource> sources;
  private EventModel model;

  @Setup
  public void setUp() {
    sources = List.of(new ModelSource("synthetic.yaml", SyntheticModel.yaml(aggregates)));
    LoadResult result = ModelLoader.load(sources);
    model = result.model().orElseThrow(() -> new IllegalStateException("synthetic model is invalid:\n"
        + result.format()));
    if (model.events().size() != 10 * aggregates || model.commands().size() != 5 * aggregates
        || model.specs().size() != 20 * aggregates) {
      throw new IllegalStateException("synthetic model has the wrong size");
    }
  }

  @Benchmark
  public LoadResult readAndValidate() {
    return ModelLoader.load(sources);
  }

  @Benchmark
  public long generate() {
    return render(model);
  }

  @Benchmark
  public long readValidateAndGenerate() {
    return render(ModelLoader.load(sources).model().orElseThrow());
  }

  /**
   * Every generated file rendered to text, as the annotation processor renders it before writing;
   * returns the number of characters, so nothing is optimized away.
   */
  static long render(EventModel model) {
    Map<String, ClassName> deciders = new HashMap<>();
    model.aggregates().forEach(a -> deciders.put(a.name(), ClassName.get(model.packageName(), a.name())));
    Generator generator = new Generator(model, "synthetic.yaml");
    List<JavaFile> files = new ArrayList<>(generator.mainSources());
    files.addAll(generator.testSources(new Implementations(deciders, Map.of(), Map.of())));
    long characters = 0;
    for (GeneratedSource source : GeneratedSource.render(files)) {
      characters += source.text().length();
    }
    return characters;
  }
}

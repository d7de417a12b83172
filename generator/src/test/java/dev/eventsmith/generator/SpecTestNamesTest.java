package dev.eventsmith.generator;

import static dev.eventsmith.generator.TestModels.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eventsmith.generator.emit.GeneratedSource;
import dev.eventsmith.generator.emit.SpecTestNames;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.SpecDef;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Tools find a spec's test where the generator puts it: the class, and the method of that name. */
class SpecTestNamesTest {

  @Test
  void everySpecIsTheNamedMethodOfTheNamedClass() {
    EventModel model = TestModels.library();
    Map<String, String> sources = GoldenFilesTest.generateLibrary().stream()
        .collect(Collectors.toMap(GeneratedSource::qualifiedName, GeneratedSource::text));
    List<SpecDef> specs = model.specs();
    assertEquals(12, specs.size());
    for (SpecDef spec : specs) {
      String text = sources.get(SpecTestNames.testClass(model, spec));
      assertContains(text, "@DisplayName(\"" + spec.name() + "\")\n  void " + SpecTestNames.testMethod(model, spec) + "() {");
    }
  }

  @Test
  void specsWhoseNamesReadAlikeGetDistinctMethodsInModelOrder() {
    String yaml = TestModels.read(TestModels.MODELS.resolve(TestModels.LIBRARY))
        .replace("- name: charges for late days", "- name: a book on the shelf cannot be returned!");
    EventModel model = TestModels.load(TestModels.LIBRARY, yaml);
    List<String> methods = model.specsOf("ReturnBook").stream().map(s -> SpecTestNames.testMethod(model, s)).toList();
    assertEquals(List.of("aBookOnTheShelfCannotBeReturned", "aBookOnTheShelfCannotBeReturned2",
        "aLoanStoredAtVersion1IsReturnedByItsBorrower"), methods);
    Function<SpecDef, String> testClass = s -> SpecTestNames.testClass(model, s);
    assertEquals("com.example.library.ReturnBookSpecTest", testClass.apply(model.specsOf("ReturnBook").get(0)));
  }
}

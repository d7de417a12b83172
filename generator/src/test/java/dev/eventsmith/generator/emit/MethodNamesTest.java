package dev.eventsmith.generator.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The spec-to-method mapping tools rely on to find a spec in test reports. */
class MethodNamesTest {

  @Test
  void specNamesBecomeLowerCamelMethodNamesInOrder() {
    assertEquals(List.of("addsAnItemToAnOpenCart", "aSubmittedCartTakesNoMoreItems"),
        MethodNames.of(List.of("adds an item to an open cart", "a submitted cart takes no more items")));
  }

  @Test
  void namesThatReadAlikeAreNumberedInModelOrder() {
    assertEquals(List.of("addsItem", "addsItem2", "addsITEM", "addsItem3"),
        MethodNames.of(List.of("adds item", "adds-item", "adds ITEM", "Adds item!")));
    // A spec whose own name ends in a number still gets a free name.
    assertEquals(List.of("addsItem2", "addsItem", "addsItem3"),
        MethodNames.of(List.of("adds item 2", "adds item", "adds item")));
  }

  @Test
  void keywordsDigitsAndOtherScriptsGiveValidIdentifiers() {
    assertEquals(List.of("classSpec", "spec1Item", "spec", "caf", "record"),
        MethodNames.of(List.of("class", "1 item", "∑ ≠", "café", "record")));
  }

  @Test
  void theSameSpecsAlwaysGiveTheSameNames() {
    List<String> specs = List.of("b", "a", "B", "a!");
    assertEquals(MethodNames.of(specs), MethodNames.of(List.copyOf(specs)));
  }
}

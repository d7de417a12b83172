package dev.eventsmith.spring.boot.autoconfigure;

import org.springframework.beans.factory.ListableBeanFactory;

/** Finds the bean of the hand-written class that implements a generated contract, or says what to do. */
final class LogicBeans {

  private final ListableBeanFactory beans;

  LogicBeans(ListableBeanFactory beans) {
    this.beans = beans;
  }

  /**
   * The one bean that implements {@code contract}.
   *
   * @param what the element, for messages: "aggregate GiftCard of model GiftCards"
   */
  Object of(Class<?> contract, String what) {
    String[] names = beans.getBeanNamesForType(contract);
    if (names.length == 0) {
      throw new IllegalStateException(what + " has no bean that implements " + contract.getName()
          + ": annotate the class that implements it with @Component (in a package the application scans), or "
          + "return it from a @Bean method");
    }
    if (names.length > 1) {
      throw new IllegalStateException(what + " has " + names.length + " beans that implement " + contract.getName()
          + " (" + String.join(", ", names) + "): keep one");
    }
    return beans.getBean(names[0]);
  }
}

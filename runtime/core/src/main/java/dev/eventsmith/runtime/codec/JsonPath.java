package dev.eventsmith.runtime.codec;

/** Where a value sits in a payload, rendered only when a message needs it: {@code $.items[2].sku}. */
final class JsonPath {

  static final JsonPath ROOT = new JsonPath(null, null, -1);

  private final JsonPath parent;
  private final String name;
  private final int index;

  private JsonPath(JsonPath parent, String name, int index) {
    this.parent = parent;
    this.name = name;
    this.index = index;
  }

  JsonPath field(String name) {
    return new JsonPath(this, name, -1);
  }

  JsonPath element(int index) {
    return new JsonPath(this, null, index);
  }

  /** Whether this is the path of field {@code name} of the value at {@code parent}, as built. */
  boolean isField(JsonPath parent, String name) {
    return this.parent == parent && name.equals(this.name);
  }

  boolean isElement(JsonPath parent, int index) {
    return this.parent == parent && this.name == null && this.index == index;
  }

  @Override
  public String toString() {
    if (parent == null) {
      return "$";
    }
    String prefix = parent.toString();
    if (name == null) {
      return prefix + "[" + index + "]";
    }
    return isIdentifier(name) ? prefix + "." + name : prefix + "['" + name.replace("'", "\\'") + "']";
  }

  private static boolean isIdentifier(String name) {
    if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
      return false;
    }
    return name.chars().allMatch(Character::isJavaIdentifierPart);
  }
}

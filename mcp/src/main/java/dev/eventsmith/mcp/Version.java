package dev.eventsmith.mcp;

/** This server's version, from its jar's manifest; "development" when run from classes. */
final class Version {

  private Version() {}

  static String current() {
    String version = Version.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}

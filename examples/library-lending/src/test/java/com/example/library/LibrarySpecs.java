package com.example.library;

import dev.eventsmith.annotation.EventModelSpecs;

/** Generates a JUnit test per spec of library.yaml. */
@EventModelSpecs("library.yaml")
final class LibrarySpecs {}

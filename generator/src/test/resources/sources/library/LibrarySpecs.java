package com.example.library;

@dev.eventsmith.annotation.EventModelSpecs("library/library.yaml")
final class LibrarySpecs {}

package com.example.school;

@dev.eventsmith.annotation.EventModelSpecs("school/school.yaml")
final class SchoolSpecs {}

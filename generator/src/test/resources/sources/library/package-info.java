@dev.eventsmith.annotation.EventModel("library/library.yaml")
package com.example.library;

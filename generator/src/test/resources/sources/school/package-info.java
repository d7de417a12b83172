@dev.eventsmith.annotation.EventModel("school/school.yaml")
package com.example.school;

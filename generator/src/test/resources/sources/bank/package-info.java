@dev.eventsmith.annotation.EventModel("bank/bank.yaml")
package com.example.bank;

/** Bank accounts: generated from src/main/eventmodel/bank.yaml, logic in {@link com.example.bank.Account}. */
@EventModel("bank.yaml")
package com.example.bank;

import dev.eventsmith.annotation.EventModel;

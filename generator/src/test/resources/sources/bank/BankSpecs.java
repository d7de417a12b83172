package com.example.bank;

@dev.eventsmith.annotation.EventModelSpecs("bank/bank.yaml")
final class BankSpecs {}

package com.example.giftcard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The gift card service: the starter finds {@link GiftCardsModel}, runs the command handlers, the
 * CardSummary view and the HTTP API; the store is PostgreSQL through spring.datasource.*.
 */
@SpringBootApplication
public class GiftCardService {

  public static void main(String[] args) {
    SpringApplication.run(GiftCardService.class, args);
  }
}

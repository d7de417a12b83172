/** The shopping cart: generated from src/main/eventmodel/cart.yaml, logic in {@link com.example.cart.Cart}. */
@EventModel("cart.yaml")
package com.example.cart;

import dev.eventsmith.annotation.EventModel;

package io.contactcenter.routing.contact;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/** Optional body of {@code POST /routing/contacts/{id}/complete}: time the caller spent on hold. */
public record CompleteRequest(@DecimalMin("0") @DecimalMax("86400") Double holdSeconds) {
}

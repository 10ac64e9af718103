package dev.wharf.operator.reconcile.validate;

/** Something wrong with a resource: a condition reason (CamelCase) and a message a user can act on. */
public record Finding(String reason, String message) {
}

package dev.moa.devstack;

import java.util.List;

/** One PostgreSQL database per service: no service reads another's tables. */
public final class ServiceDatabases {

    public static final List<String> ALL = List.of(
            "moa_membership", "moa_banking", "moa_money", "moa_auction", "moa_payment", "moa_notifications");

    private ServiceDatabases() {
    }
}

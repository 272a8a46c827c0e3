package dev.firebreak.system;

import java.net.InetAddress;
import java.util.UUID;

/**
 * Who holds a lease in the database (outbox tasks, runbook runs): {@code <host>/<8 random hex>}, new per worker
 * instance, so a restarted process never mistakes an old claim for its own and logs name the replica.
 */
public final class LeaseOwners {

    private LeaseOwners() {}

    public static String newOwner() {
        return hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "firebreak";
        }
    }
}

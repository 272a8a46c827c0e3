package dev.firebreak.system;

import java.net.InetAddress;
import java.util.UUID;

/**
 * Who holds a lease in the database (outbox tasks, runbook runs, scheduled jobs): {@code <host>/<8 random hex>}, new
 * per worker instance, so a restarted process never mistakes an old claim for its own and logs name the replica (the
 * pod's {@code HOSTNAME} when set).
 */
public final class LeaseOwners {

    private LeaseOwners() {}

    public static String newOwner() {
        return hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "firebreak";
        }
    }
}

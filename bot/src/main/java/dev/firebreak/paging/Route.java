package dev.firebreak.paging;

/**
 * Where an incident pages: an Events v2 routing key and/or an escalation policy (for on-call lookups,
 * invites and REST-created incidents). {@code name} is what people read ("checkout", "default").
 */
public record Route(String name, String routingKey, String escalationPolicy, String serviceId) {

    public boolean hasRoutingKey() {
        return routingKey != null && !routingKey.isBlank();
    }

    public boolean hasEscalationPolicy() {
        return escalationPolicy != null && !escalationPolicy.isBlank();
    }

    /** "checkout (policy PABC123)" without ever showing the routing key (a secret). */
    public String describe() {
        return hasEscalationPolicy() ? name + " (escalation policy " + escalationPolicy + ")" : name;
    }
}

package dev.firebreak.integrations.pagerduty;

/**
 * The low-cardinality name of a request ({@code /incidents/{id}}), attached to each OkHttp request as a tag: the
 * metrics URI mapper and error messages use it instead of the concrete path.
 */
record PathTemplate(String value) {

    static final PathTemplate ENQUEUE = new PathTemplate("/v2/enqueue");
    static final PathTemplate ONCALLS = new PathTemplate("/oncalls");
    static final PathTemplate USERS = new PathTemplate("/users");
    static final PathTemplate USER = new PathTemplate("/users/{id}");
    static final PathTemplate SERVICES = new PathTemplate("/services");
    static final PathTemplate INCIDENTS = new PathTemplate("/incidents");
    static final PathTemplate INCIDENT = new PathTemplate("/incidents/{id}");
    static final PathTemplate INCIDENT_NOTES = new PathTemplate("/incidents/{id}/notes");

    @Override
    public String toString() {
        return value;
    }
}

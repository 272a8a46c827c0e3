package dev.firebreak.incident;

import java.util.List;

/** One page of incidents: {@code {"items":[...],"page":0,"size":50,"total":N}}. */
public record IncidentPageView(List<IncidentView> items, int page, int size, long total) {}

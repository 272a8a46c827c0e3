package dev.firebreak.system.web;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** Validated {@code page}/{@code size} query parameters of the list endpoints (400 when out of range). */
public final class Paging {

    private Paging() {}

    public static PageRequest of(int page, int size, int maxSize, Sort sort) {
        if (page < 0) {
            throw new BadRequestException("page must be 0 or more");
        }
        if (size < 1 || size > maxSize) {
            throw new BadRequestException("size must be between 1 and " + maxSize);
        }
        return PageRequest.of(page, size, sort);
    }
}

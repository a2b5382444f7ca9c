package io.serviceaccountbot.sandbox;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Saves the simulated tenant after every request to {@code /sandbox/} that may have changed it, and holds that
 * request's answer back until the tenant is saved: what a caller was told happened survives a crash that follows. Reads
 * (GET, HEAD, OPTIONS) pass straight through; Exchange's reads come as POST too, and cost only a comparison.
 */
final class TenantPersistence extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(TenantPersistence.class);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final TenantFile file;

    TenantPersistence(TenantFile file) {
        this.file = file;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (READS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, held);
        } finally {
            try {
                file.saveIfChanged();
            } catch (IOException | RuntimeException e) {
                log.error("The simulated tenant could not be saved to {}: {}", file.path(), e.toString());
            }
            held.copyBodyToResponse();
        }
    }
}

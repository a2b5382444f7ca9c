package io.serviceaccountbot.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In sandbox mode, every path (the bot endpoint, the simulated tenant and its control API, the admin endpoints) serves
 * only callers on this machine. The server listens on loopback, so a remote caller can only arrive through something
 * on this machine that forwards to it, such as a dev tunnel or a reverse proxy; such requests carry forwarding headers
 * and are refused, as is any request whose peer is not a loopback address.
 */
class SandboxCallerFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SandboxCallerFilter.class);

    /** Headers that proxies and tunnels (dev tunnels, ngrok, nginx, Azure front ends) add to a forwarded request. */
    static final List<String> FORWARDING_HEADERS =
            List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Real-IP", "X-Original-Host");

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.%]+");

    static final String REFUSAL = "This bot runs in sandbox mode, which has no authentication, so it serves only"
            + " requests made on its own machine; a request from another machine or forwarded by a proxy or tunnel"
            + " is refused. Configure a tenant to run it in production mode.";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String forwardedBy = forwardingHeader(request);
        if (forwardedBy != null || !isLoopbackPeer(request.getRemoteAddr())) {
            log.warn(
                    "Refused a {} request in sandbox mode: {}",
                    request.getMethod(),
                    forwardedBy != null ? "it was forwarded (" + forwardedBy + ")" : "it came from another machine");
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write(REFUSAL.getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }

    private static String forwardingHeader(HttpServletRequest request) {
        for (String header : FORWARDING_HEADERS) {
            if (request.getHeader(header) != null) {
                return header;
            }
        }
        return null;
    }

    private static boolean isLoopbackPeer(String address) {
        try {
            return address != null
                    && IP_LITERAL.matcher(address).matches()
                    && InetAddress.getByName(address).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}

package io.salespulse.kit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request body (POST, PUT, PATCH) must say what it is as one media type: a {@code Content-Type} that does not parse, that is a wildcard
 * ({@code *}{@code /*}, {@code application/*}), or a form or multipart body sent to an API or a webhook (none takes
 * one), is refused with {@code 415} before anything reads the body (the message converters and the servlet
 * container's form parsing would otherwise fail on it with errors of their own).
 */
class ContentTypeFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        // Only the methods that send a body are judged: some clients name a type on a request without one
        // (HttpURLConnection, on a DELETE).
        boolean body = java.util.Set.of("POST", "PUT", "PATCH").contains(request.getMethod());
        if (body && type != null && !type.isBlank()) {
            boolean usable;
            try {
                MediaType media = MediaType.parseMediaType(type);
                usable = !media.isWildcardType() && !media.isWildcardSubtype() && !(api(request) && form(media));
            } catch (InvalidMediaTypeException e) {
                usable = false;
            }
            if (!usable) {
                response.setStatus(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.getOutputStream()
                        .write(("{\"type\":\"urn:salespulse:problem:validation\",\"title\":\"Unsupported media type\","
                                        + "\"status\":415,\"detail\":\"Content-Type must name one media type, such as application/json\","
                                        + "\"errors\":[{\"field\":\"Content-Type\",\"message\":\"must name one media type, such as application/json\"}]}")
                                .getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The APIs and the webhooks take JSON, CSV or XML, never a form (whose parsing has failures of its own). */
    private static boolean api(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/webhooks/");
    }

    private static boolean form(MediaType media) {
        return MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(media)
                || MediaType.MULTIPART_FORM_DATA.equalsTypeAndSubtype(media)
                || "multipart".equals(media.getType());
    }
}

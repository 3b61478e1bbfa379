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
 * A request body must say what it is as one media type: a {@code Content-Type} that does not parse, or that is a
 * wildcard ({@code *}{@code /*}, {@code application/*}), is refused with {@code 415} before anything reads the body (the
 * message converters would otherwise fail on it with an error of their own).
 */
class ContentTypeFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && !type.isBlank()) {
            boolean usable;
            try {
                MediaType media = MediaType.parseMediaType(type);
                usable = !media.isWildcardType() && !media.isWildcardSubtype();
            } catch (InvalidMediaTypeException e) {
                usable = false;
            }
            if (!usable) {
                response.setStatus(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.getOutputStream().write(("{\"type\":\"urn:salespulse:problem:validation\",\"title\":\"Unsupported media type\","
                        + "\"status\":415,\"detail\":\"Content-Type must name one media type, such as application/json\","
                        + "\"errors\":[{\"field\":\"Content-Type\",\"message\":\"must name one media type, such as application/json\"}]}")
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}

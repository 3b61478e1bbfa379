package io.salespulse.kit.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body with a size limit, without trusting Content-Length. */
public final class RequestBodies {

    private RequestBodies() {}

    /** The whole body, or a 413 as soon as it passes {@code maxBytes}. */
    public static byte[] read(HttpServletRequest request, long maxBytes, Runnable onTooLarge) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            onTooLarge.run();
            throw new PayloadTooLargeException(maxBytes);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                onTooLarge.run();
                throw new PayloadTooLargeException(maxBytes);
            }
            return body;
        }
    }
}

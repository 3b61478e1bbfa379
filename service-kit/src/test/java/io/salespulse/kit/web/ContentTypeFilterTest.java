package io.salespulse.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ContentTypeFilterTest {

    private static int status(String method, String path, String contentType) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setContentType(contentType);
        request.setContent("{}".getBytes());
        MockHttpServletResponse response = new MockHttpServletResponse();
        new ContentTypeFilter().doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }

    @Test
    void aBodyOfNoSingleMediaTypeIsRefusedWith415AndOnlyThen() throws Exception {
        assertThat(status("POST", "/api/v1/events", "application/cloudevents+json"))
                .isEqualTo(200);
        assertThat(status("POST", "/api/v1/events", "*/*")).isEqualTo(415);
        assertThat(status("PUT", "/api/v1/teams/t", "application/*")).isEqualTo(415);
        assertThat(status("PUT", "/api/v1/teams/t", "not a type")).isEqualTo(415);
        // The APIs and webhooks take no form; the cockpit's pages do.
        assertThat(status("POST", "/api/v1/signals/s/acknowledge", "application/x-www-form-urlencoded"))
                .isEqualTo(415);
        assertThat(status("POST", "/webhooks/hubspot", "multipart/form-data; boundary=x"))
                .isEqualTo(415);
        assertThat(status("POST", "/teams/t/absences/a/withdraw", "application/x-www-form-urlencoded"))
                .isEqualTo(200);
        // A method without a body is not judged by the type a client names anyway (HttpURLConnection on a DELETE).
        assertThat(status("DELETE", "/api/v1/reps/r/absences/a", "application/x-www-form-urlencoded"))
                .isEqualTo(200);
    }
}

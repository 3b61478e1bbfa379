package io.salespulse.coaching;

import io.salespulse.testsupport.OpenApiDocuments;
import io.salespulse.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** docs/openapi/coaching-service.json is the document coaching-service serves (OpenApiDocuments). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class OpenApiDocumentIT {

    @LocalServerPort
    int port;

    @Test
    void theKeptDocumentIsTheOneServed() throws Exception {
        OpenApiDocuments.assertKept(port, "coaching-service");
    }
}

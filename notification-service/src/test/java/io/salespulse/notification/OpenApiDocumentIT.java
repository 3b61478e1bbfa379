package io.salespulse.notification;

import io.salespulse.testsupport.OpenApiDocuments;
import io.salespulse.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** docs/openapi/notification-service.json is the document notification-service serves (OpenApiDocuments). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class OpenApiDocumentIT {

    @LocalServerPort
    int port;

    @Test
    void theKeptDocumentIsTheOneServed() throws Exception {
        OpenApiDocuments.assertKept(port, "notification-service");
    }
}

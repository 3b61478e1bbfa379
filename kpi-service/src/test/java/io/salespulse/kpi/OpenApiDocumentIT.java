package io.salespulse.kpi;

import io.salespulse.testsupport.OpenApiDocuments;
import io.salespulse.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** docs/openapi/kpi-service.json is the document kpi-service serves (OpenApiDocuments). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class OpenApiDocumentIT {

    @LocalServerPort
    int port;

    @Test
    void theKeptDocumentIsTheOneServed() throws Exception {
        OpenApiDocuments.assertKept(port, "kpi-service");
    }
}

package io.salespulse.kpi.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/admin/rebuild}: drop the KPI views and replay the topics. */
@RestController
class RebuildController {

    private final ViewRebuild rebuild;

    RebuildController(ViewRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Operation(
            summary = "Drop the KPI views and replay the topics from their start (admin)",
            description = "409 while another kpi-service instance consumes: nothing is dropped then.")
    @ApiResponse(responseCode = "202", description = "Replaying: {\"status\": \"replaying\"}")
    @ApiResponse(responseCode = "409", description = "Another kpi-service instance consumes: nothing was dropped")
    @PostMapping("/api/v1/admin/rebuild")
    ResponseEntity<Map<String, String>> rebuild() throws InterruptedException, ExecutionException {
        rebuild.rebuild();
        return ResponseEntity.accepted().body(Map.of("status", "replaying"));
    }

    @ExceptionHandler(ViewRebuild.GroupBusyException.class)
    ProblemDetail busy(ViewRebuild.GroupBusyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Rebuild refused");
        problem.setType(URI.create("urn:salespulse:problem:conflict"));
        return problem;
    }
}

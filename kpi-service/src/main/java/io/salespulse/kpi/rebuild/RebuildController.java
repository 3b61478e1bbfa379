package io.salespulse.kpi.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/admin/rebuild}: drop the KPI views and replay the topics. */
@RestController
class RebuildController {

    private final ViewRebuild rebuild;

    RebuildController(ViewRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Operation(summary = "Drop the KPI views and replay the topics from their start (admin)")
    @PostMapping("/api/v1/admin/rebuild")
    ResponseEntity<Map<String, String>> rebuild() throws InterruptedException, ExecutionException {
        rebuild.rebuild();
        return ResponseEntity.accepted().body(Map.of("status", "replaying"));
    }
}

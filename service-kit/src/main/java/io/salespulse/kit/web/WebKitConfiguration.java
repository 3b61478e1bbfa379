package io.salespulse.kit.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** Web setup shared by every service. */
@AutoConfiguration
@Import(ProblemDetailsAdvice.class)
public class WebKitConfiguration {
}

package io.salespulse.kit.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/** Web setup shared by every service. */
@AutoConfiguration
@Import(ProblemDetailsAdvice.class)
public class WebKitConfiguration {

    /** Bodies of no single media type are refused with 415 first ({@link ContentTypeFilter}). */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<ContentTypeFilter> contentTypeFilter() {
        FilterRegistrationBean<ContentTypeFilter> registration = new FilterRegistrationBean<>(new ContentTypeFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** Every refusal an operation can answer, declared in its OpenAPI document ({@link ProblemResponses}). */
    @Bean
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }
}

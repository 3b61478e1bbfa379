package io.salespulse.cockpit.services;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a service answers, as the cockpit reads it: a record whose fields are the ones the cockpit uses of a schema of
 * the service's OpenAPI document (docs/openapi/{service}.json). {@code ServiceContractTest} fails when a field read
 * here is not in that schema, so a service renaming one is caught by the build, not on a page.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadFrom {

    /** The service, as its document is named: {@code coaching-service}. */
    String service();

    /** The schema in its document's components. */
    String schema();
}

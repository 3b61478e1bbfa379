package io.salespulse.kit.crm;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Every service that lists deals links each to its page in its CRM ({@link DealLinks}). */
@AutoConfiguration
@EnableConfigurationProperties(DealLinks.class)
public class CrmKitConfiguration {}

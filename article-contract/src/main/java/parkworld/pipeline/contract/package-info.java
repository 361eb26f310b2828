/**
 * The public event contract of parkworld-pipeline: what the services publish on Kafka and what downstream teams
 * code against. Records here mirror the JSON Schemas in {@code schemas/}; {@link EventSchema} validates against them.
 * Compatible changes (new optional fields) keep the schema version; anything else gets a new version and a new
 * CloudEvents type, published alongside the old one for a deprecation period.
 */
package parkworld.pipeline.contract;

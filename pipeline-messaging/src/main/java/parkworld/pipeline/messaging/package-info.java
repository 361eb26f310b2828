/**
 * What the services share on Kafka beyond the contract: one dead-letter path ({@link DeadLetterPublisher}), one
 * retry policy ({@link RetryPolicyProperties}) and one rule for what is retried ({@link TransientFailures}).
 */
package parkworld.pipeline.messaging;

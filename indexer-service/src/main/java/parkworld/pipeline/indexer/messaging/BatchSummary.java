package parkworld.pipeline.indexer.messaging;

/**
 * What became of the records of one batch.
 *
 * @param records     records in the batch
 * @param indexed     articles written to the index
 * @param stale       articles ignored because the index holds a later parse
 * @param deadLetters records published to the dead-letter topic
 * @param skipped     records that could be neither indexed nor dead-lettered (Kafka refused their dead letter for
 *                    good); logged at ERROR with their coordinates
 */
record BatchSummary(int records, int indexed, int stale, int deadLetters, int skipped) {
}

/**
 * Enrichment of parsed articles: event dates, money amounts, places and industries, filled into the
 * {@code ArticleExtracted} contract. Plain Java without Spring; {@link ArticleEnricher} is the entry point. The
 * rules are documented in {@code parser-service/ENRICHMENT.md}.
 */
package parkworld.pipeline.parser.enrichment;

package parkworld.pipeline.parser.structure;

/**
 * One article listed in the table of contents.
 *
 * @param section section name the entry is listed under, "" if none
 * @param title title as listed, without the bullet, cleaned by the {@link TextNormalizer}
 * @param page page number as listed
 */
record TocEntry(String section, String title, int page) {
}

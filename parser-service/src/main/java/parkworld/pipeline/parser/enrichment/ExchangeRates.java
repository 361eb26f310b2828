package parkworld.pipeline.parser.enrichment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Annual average exchange rates to the yuan, from {@code enrichment/exchange-rates.tsv} (European Central Bank
 * reference rates averaged per calendar year; source and method in the file and in ENRICHMENT.md). A year outside
 * the table, or an unknown one, takes the nearest year the table has: the value is still comparable, and the
 * original currency and value stay in the event.
 */
final class ExchangeRates {

    static final String RESOURCE = "/enrichment/exchange-rates.tsv";

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final TreeMap<Integer, Map<String, BigDecimal>> byYear;

    private ExchangeRates(TreeMap<Integer, Map<String, BigDecimal>> byYear) {
        this.byYear = byYear;
    }

    static ExchangeRates load() {
        TreeMap<Integer, Map<String, BigDecimal>> byYear = new TreeMap<>();
        for (TsvResource.Row row : TsvResource.read(RESOURCE, 3, 3)) {
            if ("year".equals(row.cell(0))) {
                continue; // the header
            }
            int year;
            BigDecimal rate;
            try {
                year = Integer.parseInt(row.cell(0));
                rate = new BigDecimal(row.cell(2));
            }
            catch (NumberFormatException ex) {
                throw row.error("year or rate is not a number");
            }
            if (!CURRENCY.matcher(row.cell(1)).matches() || "CNY".equals(row.cell(1)) || rate.signum() <= 0) {
                throw row.error("currency must be an ISO 4217 code other than CNY, the rate positive");
            }
            if (byYear.computeIfAbsent(year, y -> new HashMap<>()).put(row.cell(1), rate) != null) {
                throw row.error("duplicate rate");
            }
        }
        if (byYear.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " has no rates");
        }
        return new ExchangeRates(byYear);
    }

    /**
     * The value in yuan, rounded to the yuan; null when the table has no rate for the currency.
     *
     * @param year the issue year, or null when unknown (the latest year of the table is used)
     */
    BigDecimal toCny(BigDecimal value, String currency, Integer year) {
        if ("CNY".equals(currency)) {
            return value;
        }
        Map<String, BigDecimal> rates = ratesOf(year);
        BigDecimal rate = rates.get(currency);
        if (rate == null) {
            return null;
        }
        return value.multiply(rate).setScale(0, RoundingMode.HALF_UP);
    }

    private Map<String, BigDecimal> ratesOf(Integer year) {
        if (year == null || year > this.byYear.lastKey()) {
            return this.byYear.lastEntry().getValue();
        }
        if (year < this.byYear.firstKey()) {
            return this.byYear.firstEntry().getValue();
        }
        return this.byYear.floorEntry(year).getValue();
    }
}

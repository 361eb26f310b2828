package parkworld.pipeline.parser.enrichment;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

import parkworld.pipeline.contract.ArticleExtracted.Amount;
import parkworld.pipeline.contract.ArticleExtracted.Investment;

/**
 * The one amount that stands for an article's investment: an amount right after a total marker ({@code 总投资},
 * {@code 签约总额} ...) beats one after a plain investment word ({@code 投资}, {@code 金额} ...); among equals the first
 * mention wins (title, then lead, then body). Parts are never chosen: an amount whose marker follows {@code 其中},
 * {@code 一期}, {@code 首期}, {@code 年度} ... is a part of the total. An amount after no marker (a fund's size, a
 * saving, an output value) is no investment. Rules: {@code parser-service/ENRICHMENT.md} ("Investment").
 */
final class InvestmentSelector {

    /** Strongest first. */
    private static final List<String> TOTAL_MARKERS = List.of("总投资", "投资总额", "签约总额", "总金额", "总额",
            "合计投资", "累计投资");

    private static final List<String> INVESTMENT_MARKERS = List.of("投资", "出资", "注资", "增资", "金额");

    /** Words between a marker and its amount: 总投资额达, 总投资预计, 追加投资总计超, 签约总额为. */
    private static final Pattern LINK = Pattern.compile("额?(?:预计|总计|合计|累计|共计|计划|约|达|为|是|计|共|了|：|:|\\s)*");

    private static final List<String> PART_WORDS = List.of("其中", "一期", "二期", "三期", "首期", "年度", "今年", "当年",
            "每年");

    /** How far before a marker a part word is looked for (首期计划投资). */
    private static final int PART_WINDOW = 6;

    private final ExchangeRates rates;

    InvestmentSelector(ExchangeRates rates) {
        this.rates = rates;
    }

    /** A text and the amounts {@link AmountExtractor#locate} found in it. */
    record Located(String text, List<AmountExtractor.Located> amounts) {
    }

    /**
     * @param texts the title, then the lead and body (without the source attribution), each with its amounts
     * @param year  the issue year for the exchange rate, null when unknown
     * @return the investment, or null when the article announces none
     */
    Investment select(List<Located> texts, Integer year) {
        Investment best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Located located : texts) {
            String text = located.text();
            for (AmountExtractor.Located found : located.amounts()) {
                int rank = rank(text, found.start());
                if (rank >= bestRank) {
                    continue;
                }
                Amount amount = found.amount();
                BigDecimal valueCny = this.rates.toCny(amount.value(), amount.currency(), year);
                if (valueCny == null) {
                    continue; // no rate: it could not be summed with the others
                }
                best = new Investment(amount.value(), amount.currency(), valueCny, amount.approximate(), amount.text());
                bestRank = rank;
            }
        }
        return best;
    }

    /** 0 after a total marker, 1 after an investment word, {@link Integer#MAX_VALUE} when it is no investment. */
    private static int rank(String text, int amountStart) {
        int clauseStart = amountStart;
        while (clauseStart > 0 && "，。；,;\n（(".indexOf(text.charAt(clauseStart - 1)) < 0) {
            clauseStart--;
        }
        String before = text.substring(clauseStart, amountStart);
        for (int rank = 0; rank < 2; rank++) {
            for (String marker : (rank == 0) ? TOTAL_MARKERS : INVESTMENT_MARKERS) {
                int index = before.lastIndexOf(marker);
                if (index >= 0 && LINK.matcher(before.substring(index + marker.length())).matches()) {
                    String preceding = before.substring(Math.max(0, index - PART_WINDOW), index);
                    return PART_WORDS.stream().anyMatch(preceding::contains) ? Integer.MAX_VALUE : rank;
                }
            }
        }
        return Integer.MAX_VALUE;
    }
}

package parkworld.pipeline.parser.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExchangeRatesTests {

    private static final ExchangeRates RATES = ExchangeRates.load();

    private static final BigDecimal MILLION = new BigDecimal("1000000");

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = { 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025 })
    void everyYearHasTheMainCurrenciesAtPlausibleRates(int year) {
        assertThat(RATES.toCny(MILLION, "USD", year)).isBetween(new BigDecimal("6000000"), new BigDecimal("7500000"));
        assertThat(RATES.toCny(MILLION, "EUR", year)).isBetween(new BigDecimal("6800000"), new BigDecimal("8500000"));
        assertThat(RATES.toCny(MILLION, "GBP", year)).isBetween(new BigDecimal("8000000"), new BigDecimal("9800000"));
        assertThat(RATES.toCny(MILLION, "HKD", year)).isBetween(new BigDecimal("780000"), new BigDecimal("960000"));
        assertThat(RATES.toCny(MILLION, "JPY", year)).isBetween(new BigDecimal("44000"), new BigDecimal("68000"));
    }

    @Test
    void convertsAtTheYearsAverageRoundedToTheYuan() {
        assertThat(RATES.toCny(new BigDecimal("100000000"), "USD", 2023)).isEqualByComparingTo("708463000");
        assertThat(RATES.toCny(new BigDecimal("100000000"), "USD", 2022))
                .isNotEqualByComparingTo(RATES.toCny(new BigDecimal("100000000"), "USD", 2023));
        assertThat(RATES.toCny(new BigDecimal("3"), "JPY", 2023).scale()).isZero();
    }

    @Test
    void aYearOutsideTheTableTakesTheNearestYear() {
        assertThat(RATES.toCny(MILLION, "USD", 2031)).isEqualByComparingTo(RATES.toCny(MILLION, "USD", 2025));
        assertThat(RATES.toCny(MILLION, "USD", null)).isEqualByComparingTo(RATES.toCny(MILLION, "USD", 2025));
        assertThat(RATES.toCny(MILLION, "USD", 2001)).isEqualByComparingTo(RATES.toCny(MILLION, "USD", 2018));
    }

    @Test
    void yuanNeedNoRateAndUnknownCurrenciesHaveNone() {
        assertThat(RATES.toCny(MILLION, "CNY", 2023)).isEqualByComparingTo(MILLION);
        assertThat(RATES.toCny(MILLION, "TWD", 2023)).isNull();
    }
}

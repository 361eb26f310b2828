package parkworld.pipeline.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RoundRatiosTests {

    @Test
    void theRatioIsTakenPerRoundSoThatAMachineGettingSlowerDoesNotFavourEitherSide() {
        RoundRatios ratios = new RoundRatios();
        // the machine halves its speed after the first two rounds; each round's ratio stays 1.1
        ratios.add(110, 100);
        ratios.add(110, 100);
        ratios.add(220, 200);
        ratios.add(220, 200);
        ratios.add(220, 200);

        assertThat(ratios.medianRatio()).isCloseTo(1.1, within(1e-9));
        assertThat(ratios.minRatio()).isCloseTo(1.1, within(1e-9));
        assertThat(ratios.maxRatio()).isCloseTo(1.1, within(1e-9));
        assertThat(ratios.medianMeasured()).isEqualTo(220);
        assertThat(ratios.medianBaseline()).isEqualTo(200);
    }

    @Test
    void anEvenNumberOfRoundsHasTheMeanOfTheMiddleTwoAsItsMedian() {
        RoundRatios ratios = new RoundRatios();
        ratios.add(100, 100);
        ratios.add(300, 100);
        ratios.add(120, 100);
        ratios.add(140, 100);

        assertThat(ratios.medianRatio()).isCloseTo(1.3, within(1e-9));
        assertThat(ratios.maxRatio()).isCloseTo(3.0, within(1e-9));
        assertThat(ratios.size()).isEqualTo(4);
    }

    @Test
    void refusesTimesThatCannotBeMeasurementsAndReportsNothingWithoutRounds() {
        RoundRatios ratios = new RoundRatios();

        assertThatThrownBy(() -> ratios.add(0, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ratios.add(100, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(ratios::medianRatio).isInstanceOf(IllegalStateException.class)
            .hasMessage("no rounds recorded");
    }
}

package ladder.models.pay;

import static ladder.models.pay.PayReference.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class PayHistogramTest {

    /**
     * Every vector of pay_reference.csv: {@code quantile(x, p, type = k, names = FALSE)} for k = 1..9 and
     * p in 0, 0.001, 0.1, 0.25, 1/3, 0.5, 2/3, 0.75, 0.9, 0.999, 1, with {@code median(x)}, {@code mean(x)},
     * {@code var(x)}, where x is a small vector written in the call or
     * {@code pay_pence[seb == "..."]} / {@code bonus_pence[seb == "..." & bonus_pence > 0]} of pay_data.csv
     * (heavy ties). Agreement to 1e-9 relative.
     */
    @TestFactory
    Stream<DynamicTest> quantilesMeanAndVarianceMatchR() {
        return PayReference.R.calls().entrySet().stream().filter(e -> e.getValue().containsKey("median"))
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
                    PayHistogram h = histogram(e.getKey());
                    for (Map.Entry<String, String> q : e.getValue().entrySet()) {
                        double expected = PayReference.parse(q.getValue());
                        String name = q.getKey();
                        double actual = switch (name) {
                            case "median" -> h.median();
                            case "mean" -> h.mean();
                            case "var" -> h.variance();
                            case "n" -> h.n();
                            default -> h.quantile(probability(name.substring(name.indexOf(":p") + 2)),
                                    QuantileType.of(Integer.parseInt(name.substring(4, name.indexOf(':')))));
                        };
                        if (Double.isNaN(expected)) {
                            assertEquals(expected, actual, name);
                        } else {
                            assertClose(expected, actual, 1e-9, e.getKey() + " " + name);
                        }
                    }
                }));
    }

    private static PayHistogram histogram(String call) {
        if (call.startsWith("c(")) {
            return PayHistogram.ofValues(Arrays.stream(call.substring(2, call.length() - 1).split(", "))
                    .mapToLong(Long::parseLong).toArray());
        }
        String seb = call.substring(call.indexOf('"') + 1, call.lastIndexOf('"'));
        return call.startsWith("pay_pence") ? PayHistogram.ofValues(PayReference.column(7, seb))
                : PayHistogram.ofValues(PayReference.column(8, seb)).above(0);
    }

    private static double probability(String text) {
        int slash = text.indexOf('/');
        return slash < 0 ? Double.parseDouble(text)
                : Double.parseDouble(text.substring(0, slash)) / Double.parseDouble(text.substring(slash + 1));
    }

    @Test
    void mergingEmployersGivesThePooledHistogramInAnyOrder() {
        List<EmployerPay> pay = PayReference.employerPay();
        List<PayHistogram> professional = new ArrayList<>(pay.stream().filter(p -> p.group().equals("professional"))
                .map(EmployerPay::hourly).toList());
        PayHistogram all = PayHistogram.ofValues(PayReference.column(7, "professional"));
        assertEquals(all, PayHistogram.mergeAll(professional));
        java.util.Collections.reverse(professional);
        assertEquals(all, PayHistogram.mergeAll(professional));
        long[] values = PayReference.column(7, "professional");
        BigInteger sum = BigInteger.ZERO;
        BigInteger squares = BigInteger.ZERO;
        for (long v : values) {
            sum = sum.add(BigInteger.valueOf(v));
            squares = squares.add(BigInteger.valueOf(v).pow(2));
        }
        assertEquals(sum, all.sum());
        assertEquals(squares, all.sumOfSquares());
        assertEquals(values.length, all.n());
    }

    @Test
    void sumsStayExactBeyondTheRangeOfALong() {
        // 10^8 people at £10,000.00 an hour: the sum of squares, 10^20 pence^2, overflows a long.
        PayHistogram h = PayHistogram.of(new long[] {1_000_000}, new long[] {100_000_000});
        assertEquals(new BigInteger("100000000000000000000"), h.sumOfSquares());
        assertEquals(1_000_000.0, h.mean());
        assertEquals(0.0, h.variance());
    }

    @Test
    void sumsEqualBigIntegerArithmeticForValuesAndCountsOfEverySize() {
        // Values up to 2^40 pence (squares past a long past 3,037,000,499) and counts up to 2^40,
        // so the low 64 bits of the totals carry many times.
        java.util.SplittableRandom random = new java.util.SplittableRandom(15);
        for (int trial = 0; trial < 200; trial++) {
            int distinct = 1 + random.nextInt(50);
            long[] values = new long[distinct];
            long[] counts = new long[distinct];
            long v = 0;
            int bits = 1 + random.nextInt(40);
            BigInteger sum = BigInteger.ZERO;
            BigInteger squares = BigInteger.ZERO;
            for (int i = 0; i < distinct; i++) {
                v += 1 + random.nextLong(1L << bits);
                values[i] = v;
                counts[i] = 1 + random.nextLong(1L << random.nextInt(1, 41));
                BigInteger bv = BigInteger.valueOf(v);
                BigInteger bc = BigInteger.valueOf(counts[i]);
                sum = sum.add(bv.multiply(bc));
                squares = squares.add(bv.multiply(bv).multiply(bc));
            }
            PayHistogram h = PayHistogram.of(values, counts);
            assertEquals(sum, h.sum(), "trial " + trial);
            assertEquals(squares, h.sumOfSquares(), "trial " + trial);
        }
    }

    @Test
    void orderStatisticsAndTopValuesComeFromTheCumulativeCounts() {
        PayHistogram h = PayHistogram.of(new long[] {100, 200, 300}, new long[] {2, 1, 3});
        assertEquals(List.of(100L, 100L, 200L, 300L, 300L, 300L),
                java.util.stream.LongStream.rangeClosed(1, 6).map(h::orderStatistic).boxed().toList());
        assertEquals(BigInteger.valueOf(600), h.largest(2));
        assertEquals(BigInteger.valueOf(1300), h.largest(10));
        assertEquals(PayHistogram.of(new long[] {300}, new long[] {3}), h.above(200));
    }

    @Test
    void rejectsMalformedHistograms() {
        assertThrows(IllegalArgumentException.class, () -> PayHistogram.of(new long[] {2, 1}, new long[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> PayHistogram.of(new long[] {1}, new long[] {0}));
        assertThrows(IllegalArgumentException.class, () -> PayHistogram.of(new long[] {-1}, new long[] {1}));
        assertThrows(IllegalArgumentException.class, () -> PayHistogram.empty().quantile(0.5, QuantileType.TYPE_7));
        assertThrows(IllegalArgumentException.class, () -> PayHistogram.ofValues(1, 2).quantile(1.5, QuantileType.TYPE_1));
    }
}

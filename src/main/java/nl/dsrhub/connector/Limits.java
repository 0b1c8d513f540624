package nl.dsrhub.connector;

/**
 * Our side of the processor's published limits: at most {@code concurrency} calls at once, at most
 * {@code requests} calls and {@code writes} data-changing calls per period.
 */
public record Limits(Integer concurrency, Rate requests, Rate writes) {
    public int concurrencyOrDefault() {
        return concurrency == null ? 4 : concurrency;
    }

    /** {@code count} calls per {@code per} (a duration like {@code 1m}, {@code 5m}, {@code 10s}). */
    public record Rate(Integer count, String per) {
        public java.time.Duration period() {
            return java.time.Duration.parse("PT" + per.toUpperCase(java.util.Locale.ROOT));
        }
    }
}

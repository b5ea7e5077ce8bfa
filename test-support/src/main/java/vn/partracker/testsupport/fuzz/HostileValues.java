package vn.partracker.testsupport.fuzz;

import java.util.List;
import java.util.Random;

/**
 * The hostile inputs of the fuzzer, as raw JSON text (so numbers beyond double, duplicate keys and broken encodings
 * can be sent as they are) and as query-parameter text.
 */
final class HostileValues {

    /** Values that replace one field of an otherwise plausible body. */
    static final List<String> JSON_VALUES = List.of(
            "\"\"",
            "\"   \"",
            "\"" + "x".repeat(100_000) + "\"",
            "\"' OR 1=1 --\"",
            "\"\\\"; DROP TABLE agency; --\"",
            "\"{\\\"$ne\\\": null}\"",
            "\"\\u0000\\u0001\\u001f\"",
            "\"\\ud800\"",
            "\"𝕏💥 Ủy ban nhân dân\"",
            "\"=HYPERLINK(\\\"http://x\\\")\"",
            "\"../../etc/passwd\"",
            "\"<script>alert(1)</script>\"",
            "\"2024-02-30\"",
            "\"+100000000-01-01\"",
            "\"0000-00-00\"",
            "\"not-a-uuid\"",
            "\"00000000-0000-0000-0000-000000000000\"",
            "\"UNKNOWN_ENUM_VALUE\"",
            "\"NaN\"",
            "\"1e-999999999\"",
            "-1",
            "0",
            "-0.0000001",
            "1e-999999999",
            "1e999999999",
            "1e400",
            "123456789012345678901234567890",
            "1.7976931348623157E308",
            "99999999999999.9999999",
            "2147483648",
            "-9223372036854775809",
            "true",
            "null",
            "[]",
            "{}",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
            "{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{}}}}}}}}}");

    /** Whole bodies that are not what any operation expects. */
    static final List<String> BODIES = List.of(
            "",
            "{",
            "{\"a\":1,\"a\":2}",
            "[]",
            "null",
            "\"text\"",
            "42",
            "{}",
            "[".repeat(5_000) + "]".repeat(5_000),
            "{\"x\":\"" + "y".repeat(300_000) + "\"}",
            "<?xml version=\"1.0\"?><a/>",
            "code,name\nKT.SNV,\"never closed\nmore",
            "\uFEFF{}",
            "{\"code\":\"KT\u0000SNV\"}");

    /** Query, path and header values. */
    static final List<String> TEXT_VALUES = List.of(
            "",
            " ",
            "x".repeat(2_000),
            "' OR 1=1 --",
            "%00",
            "../..",
            "𝕏💥",
            "2024-02-30",
            "+100000000-01-01",
            "-1",
            "99999999999999999999",
            "1e-999999999",
            "NaN",
            "not-a-uuid",
            "00000000-0000-0000-0000-000000000000",
            "UNKNOWN",
            "2024-Q5",
            "2024-13",
            "2147483647",
            "true",
            "[]",
            "{}");

    /** Bytes that are not UTF-8, inside a JSON string. */
    static byte[] invalidUtf8Body() {
        return new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'
        };
    }

    private HostileValues() {}

    static String json(Random random) {
        return JSON_VALUES.get(random.nextInt(JSON_VALUES.size()));
    }

    static String text(Random random) {
        return TEXT_VALUES.get(random.nextInt(TEXT_VALUES.size()));
    }

    static String body(Random random) {
        return BODIES.get(random.nextInt(BODIES.size()));
    }
}

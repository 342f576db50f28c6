package io.contactcenter.ivr.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Seeded random input for the fuzz tests: reproducible (the seed is in the failure message), no library needed.
 * {@code -Dcc.fuzz.seed=N} replays one seed, {@code -Dcc.fuzz.rounds=N} runs longer.
 */
final class Fuzz {

    static final long SEED = Long.getLong("cc.fuzz.seed", 20261203L);
    static final int ROUNDS = Integer.getInteger("cc.fuzz.rounds", 3000);

    private Fuzz() {
    }

    static String pick(Random random, List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** Any characters: printable ASCII mostly, control characters, surrogates and emoji now and then. */
    static String text(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(20);
            if (kind == 0) {
                out.append((char) random.nextInt(0x20));
            } else if (kind == 1) {
                out.append("💥");
            } else if (kind == 2) {
                out.append((char) (0xD800 + random.nextInt(0x800))); // a lone surrogate
            } else {
                out.append((char) (0x20 + random.nextInt(0x5F)));
            }
        }
        return out.toString();
    }

    /** {@code count} tokens from {@code vocabulary}, joined by {@code separator}. */
    static String tokens(Random random, List<String> vocabulary, int count, String separator) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append(separator);
            }
            out.append(pick(random, vocabulary));
        }
        return out.toString();
    }
}

package org.kindred.safety;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A statistical second opinion beside the lexicons: two logistic regressions over hashed character n-grams (2 to 5
 * letters, inside and across word edges) and words (single and pairs) of the folded text. One head scores "URGENT",
 * the other "needs care" (CONCERN or URGENT). Character n-grams carry inflections, missing diacritics, casual spelling
 * and the ten languages' own words without a stemmer or a vocabulary; the lexicons keep what a bag of n-grams cannot
 * do (negation, quotes and idioms by span, whose "I" it is).
 *
 * <p>
 * Trained at startup, deterministically (a seeded shuffle, Java's strict floating point), from the labelled sets of
 * {@link LabelledSet#TRAINING}: the same data always gives the same weights, so there is no binary to trust. A text of
 * up to three sentences is scored whole, as the examples it learnt from; a longer one by every window of three
 * consecutive sentences, each head taking its highest window, so a crisis sentence in a long post is not diluted by
 * the rest. Cost is linear in the text: one hash and two weight reads per n-gram.
 */
final class CrisisModel {

    /** Log2 of the number of hash buckets: 2^20 buckets x 2 heads x 4 bytes = 8 MiB of weights. */
    static final int BITS = 20;
    static final int HEADS = 2;
    static final int URGENT = 0;
    static final int CARE = 1;
    static final int WINDOW = 3;

    private static final int MASK = (1 << BITS) - 1;

    /** Training settings: passes over the data, AdaGrad's step and the L2 penalty per update. */
    record Settings(int epochs, float step, float l2, long seed) {
        static final Settings DEFAULT = new Settings(12, 0.4f, 1e-6f, 15L);
    }

    /** One labelled text; {@code signal} is its C-SSRS step when the set names one of {@link #SIGNALS}. */
    record Example(CrisisLevel label, CrisisSignal signal, String text) {

        Example(CrisisLevel label, String text) {
            this(label, null, text);
        }

        static Example of(LabelledSet.Line line) {
            CrisisSignal signal = SIGNALS.stream().filter(s -> s.name().equals(line.category())).findFirst()
                    .orElse(null);
            return new Example(line.label(), signal, line.text());
        }
    }

    /**
     * The two heads' probabilities for a text: its highest window for each, and, in a text of more than {@link #WINDOW}
     * sentences, its highest single sentence (0 otherwise).
     */
    record Scores(double urgent, double care, double urgentSentence, double careSentence) {
    }

    /**
     * The probabilities at which a head speaks. First chosen on blind round 5 (URGENT 0.5, care 0.8, with windows of one
     * to three sentences and 2^18 buckets), which measured rounds 6 and 7; then, once both had measured the model and
     * joined the training sets, chosen again on them, each scored by the full check with a model trained without it
     * ({@code CrisisModelCrossValidation}): whole-text windows, 2^20 buckets, URGENT at 0.3 found 0.938 of their URGENT
     * posts at precision 0.848 (0.5 and the old windows: 0.938 at 0.794), care at 0.8 kept 0.82 of their hard
     * negatives NONE (0.70) and found 0.91 of their CONCERN posts (0.95). Round 8 measures this choice.
     */
    static final double URGENT_AT = 0.3;
    /**
     * A single sentence of a post longer than a window is URGENT at even odds: stricter than a window, because a
     * fragment says less, but never drowned by the rest of a long post (the blind rounds to 8 hold almost no posts of
     * more than three sentences, so this was not chosen on them; round 9, with many long posts, measured it).
     */
    static final double SENTENCE_URGENT_AT = 0.5;
    /**
     * How sure either head must be, and how many words a text must have, where the lexicons heard nothing: chosen on
     * rounds 6-8 and the test suite's ordinary post texts (none of 420 held at 0.95; two at 0.8).
     */
    static final double ALONE_AT = 0.95;
    static final int ALONE_MIN_WORDS = 6;
    static final double CARE_AT = 0.8;

    /** The signals the category head chooses from: the C-SSRS steps the labelled sets name. */
    static final List<CrisisSignal> SIGNALS = List.of(CrisisSignal.WISH_DEAD, CrisisSignal.PASSIVE_IDEATION,
            CrisisSignal.HOPELESSNESS, CrisisSignal.BURDEN, CrisisSignal.SELF_HARM, CrisisSignal.ACTIVE_IDEATION,
            CrisisSignal.METHOD, CrisisSignal.INTENT, CrisisSignal.PLAN, CrisisSignal.PREPARATION,
            CrisisSignal.IMMINENT, CrisisSignal.ESCALATING_SELF_HARM);
    private static final int SIGNAL_MASK = (1 << 16) - 1;

    private final float[] weights;
    private final float[] bias;
    /** The category head: one weight per (bucket of 2^16, signal), a softmax over {@link #SIGNALS}. */
    private final float[] signalWeights;
    private final double urgentAt;
    private final double careAt;

    /** The model trained on {@link LabelledSet#TRAINING}, trained once per class loader, on first use. */
    static CrisisModel shared() {
        return Shared.MODEL;
    }

    private static final class Shared {
        static final CrisisModel MODEL = train(LabelledSet.load(LabelledSet.TRAINING).stream().map(Example::of)
                .toList(), Settings.DEFAULT);
    }

    /** A model that never speaks: the lexicons alone, to measure what the model adds. */
    static CrisisModel silent() {
        return new CrisisModel(new float[HEADS << BITS], new float[]{-100, -100},
                new float[(SIGNAL_MASK + 1) * SIGNALS.size()]);
    }

    /**
     * The level the model gives a text: URGENT, CONCERN ("needs care") or NONE. {@code corroborated}: whether the
     * lexicons heard anything of a crisis in it (a level, or crisis words they set aside or doubted). Uncorroborated, the
     * model must be sure ({@link #ALONE_AT}) and the text long enough to say something ({@link #ALONE_MIN_WORDS}
     * different words): on its own it would otherwise hold "I made creme brulee tonight".
     */
    CrisisLevel level(String text, boolean corroborated) {
        return level(text, Folding.fold(text), corroborated);
    }

    /** {@link #level(String, boolean)} of a text whose {@link Folding#fold} the caller already has. */
    CrisisLevel level(String text, String folded, boolean corroborated) {
        Scores scores = scoreFolded(folded);
        boolean enough = corroborated || distinctWords(folded, ALONE_MIN_WORDS) >= ALONE_MIN_WORDS;
        double urgent = Math.max(scores.urgent() >= urgentAt ? scores.urgent() : 0,
                scores.urgentSentence() >= SENTENCE_URGENT_AT ? scores.urgentSentence() : 0);
        if (enough && urgent > 0 && (corroborated || urgent >= ALONE_AT)) {
            return CrisisLevel.URGENT;
        }
        double care = Math.max(scores.care(), scores.careSentence());
        return enough && care >= careAt && (corroborated || care >= ALONE_AT)
                ? CrisisLevel.CONCERN
                : CrisisLevel.NONE;
    }

    private CrisisModel(float[] weights, float[] bias, float[] signalWeights) {
        this(weights, bias, signalWeights, URGENT_AT, CARE_AT);
    }

    private CrisisModel(float[] weights, float[] bias, float[] signalWeights, double urgentAt, double careAt) {
        this.weights = weights;
        this.bias = bias;
        this.signalWeights = signalWeights;
        this.urgentAt = urgentAt;
        this.careAt = careAt;
    }

    /** The same weights speaking at other probabilities: how the thresholds are chosen. */
    CrisisModel at(double urgent, double care) {
        return new CrisisModel(weights, bias, signalWeights, urgent, care);
    }

    /**
     * The most likely signal of the given level for a text, by the category head: why the model raised a level the
     * lexicons did not reach. Never null for URGENT or CONCERN.
     *
     * @param folded the text as {@link Folding#fold} gives it
     */
    CrisisSignal signal(String folded, CrisisLevel level) {
        int[] features = concat(sentenceFeatures(folded));
        CrisisSignal best = level == CrisisLevel.URGENT ? CrisisSignal.ACTIVE_IDEATION : CrisisSignal.HOPELESSNESS;
        double bestScore = Double.NEGATIVE_INFINITY;
        double[] logits = signalLogits(signalWeights, features);
        for (int k = 0; k < SIGNALS.size(); k++) {
            if (SIGNALS.get(k).level == level && logits[k] > bestScore) {
                bestScore = logits[k];
                best = SIGNALS.get(k);
            }
        }
        return best;
    }

    private static double[] signalLogits(float[] signalWeights, int[] features) {
        double[] logits = new double[SIGNALS.size()];
        for (int f : features) {
            int base = (f & SIGNAL_MASK) * SIGNALS.size();
            for (int k = 0; k < logits.length; k++) {
                logits[k] += signalWeights[base + k];
            }
        }
        return logits;
    }

    /** Plain SGD on the softmax loss over the signals, for the lines whose category is one of them. */
    private static float[] trainSignals(List<int[]> features, List<CrisisSignal> labels, Settings settings) {
        float[] w = new float[(SIGNAL_MASK + 1) * SIGNALS.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            if (labels.get(i) != null) {
                order.add(i);
            }
        }
        Random random = new Random(settings.seed());
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            Collections.shuffle(order, random);
            for (int i : order) {
                int[] x = features.get(i);
                double[] p = signalLogits(w, x);
                double max = Arrays.stream(p).max().orElse(0);
                double sum = 0;
                for (int k = 0; k < p.length; k++) {
                    p[k] = Math.exp(p[k] - max);
                    sum += p[k];
                }
                int label = SIGNALS.indexOf(labels.get(i));
                float rate = (float) (0.1 / Math.sqrt(Math.max(1, x.length)));
                for (int f : x) {
                    int base = (f & SIGNAL_MASK) * SIGNALS.size();
                    for (int k = 0; k < p.length; k++) {
                        w[base + k] -= rate * (float) (p[k] / sum - (k == label ? 1 : 0));
                    }
                }
            }
        }
        return w;
    }

    /** Scores a text; an empty text scores 0 everywhere. */
    Scores score(String text) {
        return scoreFolded(text == null ? null : Folding.fold(text));
    }

    private Scores scoreFolded(String folded) {
        List<int[]> sentences = sentenceFeatures(folded);
        int count = sentences.size();
        double[][] sums = new double[count][HEADS];
        int[] sizes = new int[count];
        for (int k = 0; k < count; k++) {
            int[] features = sentences.get(k);
            sizes[k] = features.length;
            for (int f : features) {
                sums[k][URGENT] += weights[2 * f];
                sums[k][CARE] += weights[2 * f + 1];
            }
        }
        double urgent = Double.NEGATIVE_INFINITY;
        double care = Double.NEGATIVE_INFINITY;
        // windows of WINDOW consecutive sentences (the whole text when it is shorter), as the examples it learnt from
        for (int start = 0; start <= Math.max(0, count - WINDOW); start++) {
            double u = 0;
            double c = 0;
            int n = 0;
            for (int k = start; k < Math.min(count, start + WINDOW); k++) {
                u += sums[k][URGENT];
                c += sums[k][CARE];
                n += sizes[k];
            }
            if (n > 0) {
                double norm = norm(n);
                urgent = Math.max(urgent, u * norm + bias[URGENT]);
                care = Math.max(care, c * norm + bias[CARE]);
            }
        }
        // and, in a text longer than a window, every sentence on its own, which must be surer: a fragment says less
        double urgentSentence = Double.NEGATIVE_INFINITY;
        double careSentence = Double.NEGATIVE_INFINITY;
        for (int k = 0; count > WINDOW && k < count; k++) {
            if (sizes[k] > 0) {
                double norm = norm(sizes[k]);
                urgentSentence = Math.max(urgentSentence, sums[k][URGENT] * norm + bias[URGENT]);
                careSentence = Math.max(careSentence, sums[k][CARE] * norm + bias[CARE]);
            }
        }
        // sigmoid(-infinity) is 0: an empty text, or no sentence scored alone
        return new Scores(sigmoid(urgent), sigmoid(care), sigmoid(urgentSentence), sigmoid(careSentence));
    }

    /** Trains both heads on the examples, deterministically for a given list order and settings. */
    static CrisisModel train(List<Example> examples, Settings settings) {
        List<int[]> features = new ArrayList<>(examples.size());
        List<float[]> targets = new ArrayList<>(examples.size());
        List<CrisisSignal> signals = new ArrayList<>(examples.size());
        for (Example example : examples) {
            signals.add(example.signal());
            features.add(concat(sentenceFeatures(Folding.fold(example.text()))));
            targets.add(new float[]{example.label() == CrisisLevel.URGENT ? 1 : 0,
                    example.label() == CrisisLevel.NONE ? 0 : 1});
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            order.add(i);
        }
        float[] weights = new float[HEADS << BITS];
        float[] squares = new float[HEADS << BITS];
        float[] bias = new float[HEADS];
        float[] biasSquares = new float[HEADS];
        Random random = new Random(settings.seed());
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            Collections.shuffle(order, random);
            for (int i : order) {
                update(features.get(i), targets.get(i), weights, squares, bias, biasSquares, settings);
            }
        }
        return new CrisisModel(weights, bias, trainSignals(features, signals, settings));
    }

    /** One AdaGrad step of both heads' logistic loss on one example. */
    private static void update(int[] features, float[] target, float[] weights, float[] squares, float[] bias,
            float[] biasSquares, Settings settings) {
        if (features.length == 0) {
            return;
        }
        float norm = (float) norm(features.length);
        for (int head = 0; head < HEADS; head++) {
            double z = bias[head];
            for (int f : features) {
                z += weights[2 * f + head] * norm;
            }
            float gradient = (float) (sigmoid(z) - target[head]);
            for (int f : features) {
                int w = 2 * f + head;
                float g = gradient * norm + settings.l2() * weights[w];
                squares[w] += g * g;
                weights[w] -= settings.step() * g / (float) Math.sqrt(squares[w] + 1e-8f);
            }
            biasSquares[head] += gradient * gradient;
            bias[head] -= settings.step() * gradient / (float) Math.sqrt(biasSquares[head] + 1e-8f);
        }
    }

    /** The sentences of a text folded by {@link Folding#fold}, each as the hash buckets of its features (repeats kept). */
    static List<int[]> sentenceFeatures(String folded) {
        List<int[]> sentences = new ArrayList<>();
        if (folded == null || folded.isBlank()) {
            return sentences;
        }
        // cut where white space follows an end of sentence ("(?<=[.!?…؟\n])\s+"), without a regular expression
        int n = folded.length();
        int start = 0;
        int i = 1;
        while (i < n) {
            if (isSpace(folded.charAt(i)) && isSentenceEnd(folded.charAt(i - 1))) {
                addSentence(folded.substring(start, i), sentences);
                while (i < n && isSpace(folded.charAt(i))) {
                    i++;
                }
                start = i;
            }
            i++;
        }
        addSentence(folded.substring(Math.min(start, n)), sentences);
        return sentences;
    }

    private static void addSentence(String sentence, List<int[]> sentences) {
        if (!sentence.isBlank()) {
            sentences.add(features(sentence));
        }
    }

    /** {@code \s}: the white space of regular expressions. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isSentenceEnd(char c) {
        return c == '.' || c == '!' || c == '?' || c == '\u2026' || c == '\u061F' || c == '\n';
    }

    /**
     * The features of one folded sentence: character n-grams of 2 to 5 over its words joined by single spaces and
     * padded with a space at each end (so "^ki" and "ll$" mark word edges), then each word and each pair of words.
     */
    static int[] features(String sentence) {
        // the words joined by single spaces and padded, written straight into one array (no string per word)
        int length = sentence.length();
        char[] joined = new char[length + 2];
        int[] wordStart = new int[length / 2 + 1];
        int[] wordEnd = new int[length / 2 + 1];
        int m = 0;
        int words = 0;
        joined[m++] = ' ';
        boolean inWord = false;
        for (int i = 0; i <= length; i++) {
            char c = i < length ? sentence.charAt(i) : ' ';
            boolean letter = i < length && (Character.isLetterOrDigit(c) || c == '\'' && inWord);
            if (letter && !inWord) {
                if (words > 0) {
                    joined[m++] = ' ';
                }
                wordStart[words] = m;
                inWord = true;
            }
            if (letter) {
                joined[m++] = c;
            } else if (inWord) {
                wordEnd[words++] = m;
                inWord = false;
            }
        }
        joined[m++] = ' ';
        int[] out = new int[Math.max(0, m - 1) * 4 + words * 2];
        int n = 0;
        for (int i = 0; i < m - 1; i++) {
            int h = 0x811C9DC5;
            for (int j = i; j < Math.min(m, i + 5); j++) {
                h = (h ^ joined[j]) * 0x01000193;
                if (j > i) {
                    out[n++] = bucket(h, j - i + 1);
                }
            }
        }
        int next = words > 0 ? hash(joined, wordStart[0], wordEnd[0]) : 0;
        for (int w = 0; w < words; w++) {
            int h = next;
            out[n++] = bucket(h, 11);
            if (w + 1 < words) {
                next = hash(joined, wordStart[w + 1], wordEnd[w + 1]);
                out[n++] = bucket(h * 31 + next, 13);
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** {@link String#hashCode} of the chars from {@code start} to {@code end}. */
    private static int hash(char[] chars, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + chars[i];
        }
        return h;
    }

    /** Murmur3's finaliser over the hash and the feature kind, masked to a bucket. */
    static int bucket(int hash, int kind) {
        int h = hash ^ (kind * 0x9E3779B9);
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h & MASK;
    }

    private static int[] concat(List<int[]> parts) {
        int size = 0;
        for (int[] part : parts) {
            size += part.length;
        }
        int[] all = new int[size];
        int at = 0;
        for (int[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /**
     * How many different words (runs of letters and digits, {@code [\p{L}\p{N}]+}) the folded text holds, counted up
     * to {@code enough}: a post whose body repeats its title ("About X\n\nX") says no more than its title does.
     */
    static int distinctWords(String folded, int enough) {
        Set<String> words = new HashSet<>();
        int start = -1;
        for (int i = 0; i < folded.length() && words.size() < enough;) {
            int cp = folded.codePointAt(i);
            boolean letter = Character.isLetter(cp) || isNumber(Character.getType(cp));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                words.add(folded.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            words.add(folded.substring(start));
        }
        return Math.min(words.size(), enough);
    }

    private static boolean isNumber(int type) {
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** The weight of each feature of a text with n features. */
    static double norm(int n) {
        return 1 / Math.sqrt(n);
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}

package org.kindred.safety;

import java.util.Map;

/**
 * A small read-only map from {@link Vocabulary} numbers to values: open addressing over two arrays, so that the
 * question every index asks of every token (is this word one of mine?) is a multiplication and an array read, with
 * no hashing of letters, no boxing and no string comparison.
 */
final class IdTable<V> {

    /** Each slot's number plus one; 0 is an empty slot. */
    private final int[] keys;
    private final Object[] values;
    private final int mask;

    IdTable(Map<Integer, V> entries) {
        int capacity = 2;
        while (capacity < 2 * entries.size()) {
            capacity <<= 1;
        }
        this.keys = new int[capacity];
        this.values = new Object[capacity];
        this.mask = capacity - 1;
        entries.forEach((id, value) -> {
            int slot = slot(id);
            while (keys[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = id + 1;
            values[slot] = value;
        });
    }

    /** The value of number {@code id}, or null when there is none (or {@code id} is negative: an unknown word). */
    @SuppressWarnings("unchecked")
    V get(int id) {
        if (id < 0) {
            return null;
        }
        for (int slot = slot(id); keys[slot] != 0; slot = (slot + 1) & mask) {
            if (keys[slot] == id + 1) {
                return (V) values[slot];
            }
        }
        return null;
    }

    private int slot(int id) {
        int x = id * 0x9E3779B9;
        return (x ^ x >>> 16) & mask;
    }
}

package io.certwright.kubernetes;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An HTTP response body built by appending bytes and UTF-8 text, kept in fixed-size chunks. A metrics
 * scrape over 10,000 Certificates is 11.7 MB with the names that {@code bench/scale} gives them, and chunks
 * avoid both copying it while it grows and one array of that size per scrape. Every chunk except the last
 * is full. Not thread-safe.
 */
final class ResponseBody {
    /**
     * Bytes per chunk: large enough that writing a chunk to a socket costs little, and far below the size at
     * which G1 allocates an array outside the young generation (half a heap region, at least 512 KB).
     */
    static final int DEFAULT_CHUNK_SIZE = 64 * 1024;

    private final int chunkSize;
    private final List<byte[]> chunks = new ArrayList<>();
    private final byte[] digits = new byte[20];
    private byte[] current;
    private int position;
    private long length;

    ResponseBody() {
        this(DEFAULT_CHUNK_SIZE);
    }

    /** Creates an empty body with chunks of {@code chunkSize} bytes. Tests pass small sizes to cross chunk ends. */
    ResponseBody(int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be positive, got " + chunkSize);
        }
        this.chunkSize = chunkSize;
    }

    /** Returns a body holding {@code text} encoded as UTF-8. */
    static ResponseBody of(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ResponseBody body = new ResponseBody(Math.max(1, bytes.length));
        body.append(bytes);
        return body;
    }

    void append(byte value) {
        if (current == null || position == current.length) {
            nextChunk();
        }
        current[position++] = value;
        length++;
    }

    void append(byte[] bytes) {
        append(bytes, 0, bytes.length);
    }

    void append(byte[] bytes, int offset, int count) {
        while (count > 0) {
            if (current == null || position == current.length) {
                nextChunk();
            }
            int copied = Math.min(count, current.length - position);
            System.arraycopy(bytes, offset, current, position, copied);
            position += copied;
            length += copied;
            offset += copied;
            count -= copied;
        }
    }

    /** Appends {@code text} encoded as UTF-8, with the same bytes as {@link String#getBytes} would give. */
    void appendUtf8(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                // The rest starts at a whole character, because the character before it is ASCII.
                append(text.substring(i).getBytes(StandardCharsets.UTF_8));
                return;
            }
            append((byte) c);
        }
    }

    /** Appends {@code value} in decimal, as {@link Long#toString(long)} writes it. */
    void appendDecimal(long value) {
        // Digits are taken from the negative value, which also covers Long.MIN_VALUE.
        long remaining = value < 0 ? value : -value;
        int start = digits.length;
        do {
            digits[--start] = (byte) ('0' - remaining % 10);
            remaining /= 10;
        } while (remaining != 0);
        if (value < 0) {
            append((byte) '-');
        }
        append(digits, start, digits.length - start);
    }

    long length() {
        return length;
    }

    void writeTo(OutputStream out) throws IOException {
        for (byte[] chunk : chunks) {
            out.write(chunk, 0, chunk == current ? position : chunk.length);
        }
    }

    byte[] toByteArray() {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a body of " + length + " bytes does not fit in one array");
        }
        byte[] bytes = new byte[(int) length];
        int offset = 0;
        for (byte[] chunk : chunks) {
            int used = chunk == current ? position : chunk.length;
            System.arraycopy(chunk, 0, bytes, offset, used);
            offset += used;
        }
        return bytes;
    }

    /** Returns the body decoded as UTF-8. */
    @Override
    public String toString() {
        return new String(toByteArray(), StandardCharsets.UTF_8);
    }

    private void nextChunk() {
        current = new byte[chunkSize];
        position = 0;
        chunks.add(current);
    }
}

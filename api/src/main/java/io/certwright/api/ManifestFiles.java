package io.certwright.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads one manifest file as UTF-8 text, rejecting files that are too large or not text before parsing them. */
final class ManifestFiles {
    /**
     * Largest manifest file read: 3 MiB, the request body limit of the Kubernetes API server, so no file that
     * kubectl could apply is turned away. Parsing larger input can take minutes.
     */
    static final int MAX_FILE_BYTES = 3 * 1024 * 1024;

    /** The text of a file, or the reason it cannot be loaded. */
    sealed interface Result {
    }

    /** The decoded text. */
    record Text(String text) implements Result {
    }

    /** A problem with the whole file, with the fix. */
    record Unusable(String message, String fix) implements Result {
    }

    private ManifestFiles() {
    }

    /** Reads a file, checking its size before reading and its encoding after. */
    static Result read(Path file) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                return tooLarge(size);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return new Unusable("cannot read file: " + e, "make the file readable by this user");
        }
        // The file may have grown between the two calls.
        if (bytes.length > MAX_FILE_BYTES) {
            return tooLarge(bytes.length);
        }
        return decode(bytes);
    }

    private static Unusable tooLarge(long size) {
        return new Unusable("file is " + size + " bytes, larger than the " + MAX_FILE_BYTES + "-byte (3 MiB) limit on"
                + " manifest files, which is the Kubernetes API server's request size limit; it was not parsed",
                "split the file into files of at most 3 MiB, or move it out of the manifest directory");
    }

    /** Decodes strict UTF-8 and rejects NUL bytes, which no YAML text contains. */
    static Result decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            return notText("byte 0x" + String.format("%02X", bytes[in.position()] & 0xff) + " at offset "
                    + in.position() + " is not valid UTF-8");
        }
        out.flip();
        String text = out.toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            int offset = text.substring(0, nul).getBytes(StandardCharsets.UTF_8).length;
            return notText("it contains a NUL byte at offset " + offset);
        }
        return new Text(text);
    }

    private static Unusable notText(String detail) {
        return new Unusable("file is not UTF-8 text: " + detail,
                "save the file as UTF-8 (Kubernetes reads manifests only as UTF-8), or move binary files out of the"
                        + " manifest directory");
    }
}

package io.loligo.contracts.wire;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** gzip for large JSON, on the broker and in the database: a 10,000-OSD map shrinks from 30 MB to a few. */
public final class Gzip {
    private Gzip() {
    }

    /** Fastest level: these bytes are compressed on the path of every map update, and JSON shrinks well even so. */
    public static byte[] compress(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 8 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** gzip's magic number, which no JSON text can start with. */
    public static boolean isCompressed(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }

    public static InputStream open(byte[] compressed) throws IOException {
        return new GZIPInputStream(new ByteArrayInputStream(compressed), 64 * 1024);
    }
}

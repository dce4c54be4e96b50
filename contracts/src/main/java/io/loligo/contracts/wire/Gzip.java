package io.loligo.contracts.wire;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
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

    /**
     * The inflated bytes, up to a bound: reading past it throws {@link InflatedTooFar}, so that a small body built to
     * inflate to gigabytes costs no more than the bound.
     */
    public static InputStream open(byte[] compressed, long maxInflatedBytes) throws IOException {
        return new Bounded(open(compressed), maxInflatedBytes);
    }

    /** A compressed body that inflates past what its reader takes. */
    public static final class InflatedTooFar extends IOException {
        private final long limit;

        InflatedTooFar(long limit) {
            super("inflates to more than " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) throws InflatedTooFar {
            read += n;
            if (read > limit) {
                throw new InflatedTooFar(limit);
            }
        }
    }
}

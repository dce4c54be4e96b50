package io.loligo.agent.daemon;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One exchange with a Ceph daemon's admin socket: the JSON command ends with a NUL byte, and the reply
 * is a 32-bit big-endian length followed by that many bytes.
 */
final class AdminSocket {
    /** Larger than any reply the agent asks for; guards against reading garbage as a length. */
    private static final int MAX_REPLY = 64 * 1024 * 1024;

    private AdminSocket() {
    }

    /** Blocks until the daemon answers; callers bound it by closing {@code channel} from another thread. */
    static byte[] call(SocketChannel channel, Path socket, String json) throws IOException {
        channel.connect(UnixDomainSocketAddress.of(socket));
        byte[] request = (json + '\0').getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.wrap(request);
        while (out.hasRemaining()) {
            channel.write(out);
        }
        ByteBuffer header = readFully(channel, 4);
        int length = header.getInt();
        if (length < 0 || length > MAX_REPLY) {
            throw new IOException("implausible admin socket reply length " + length);
        }
        return readFully(channel, length).array();
    }

    static SocketChannel openChannel() throws IOException {
        return SocketChannel.open(StandardProtocolFamily.UNIX);
    }

    private static ByteBuffer readFully(SocketChannel channel, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new IOException("admin socket closed after " + buffer.position() + " of " + length + " bytes");
            }
        }
        return buffer.flip();
    }
}

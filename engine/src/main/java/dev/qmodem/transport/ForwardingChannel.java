package dev.qmodem.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;

/** A host link's channel seen through something put in front of it: reads and writes go on, unless overridden. */
public abstract class ForwardingChannel implements ByteChannel {

    protected final ByteChannel channel;

    protected ForwardingChannel(ByteChannel channel) {
        this.channel = channel;
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
        return channel.read(target);
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
        return channel.write(source);
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}

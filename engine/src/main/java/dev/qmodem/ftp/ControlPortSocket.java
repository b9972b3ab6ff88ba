package dev.qmodem.ftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.Socket;

/**
 * A connected data socket that reports the control connection's port as its peer port. JSSE keys its client
 * session cache by the peer host and the port of the socket TLS is layered on, so a TLS data socket layered on
 * this one finds, and resumes, the control connection's session (vsftpd's {@code require_ssl_reuse}); layered on
 * the bare data socket it would look under the data port and find nothing.
 */
final class ControlPortSocket extends Socket {

    private final Socket data;
    private final int controlPort;

    ControlPortSocket(Socket data, int controlPort) {
        this.data = data;
        this.controlPort = controlPort;
    }

    @Override
    public int getPort() {
        return controlPort;
    }

    @Override
    public InetAddress getInetAddress() {
        return data.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return data.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return data.getLocalPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return data.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return data.getLocalSocketAddress();
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return data.getInputStream();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return data.getOutputStream();
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        data.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return data.getSoTimeout();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        data.setTcpNoDelay(on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return data.getTcpNoDelay();
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        data.setSoLinger(on, linger);
    }

    @Override
    public int getSoLinger() throws SocketException {
        return data.getSoLinger();
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        data.setKeepAlive(on);
    }

    @Override
    public boolean getKeepAlive() throws SocketException {
        return data.getKeepAlive();
    }

    @Override
    public void setSendBufferSize(int size) throws SocketException {
        data.setSendBufferSize(size);
    }

    @Override
    public int getSendBufferSize() throws SocketException {
        return data.getSendBufferSize();
    }

    @Override
    public void setReceiveBufferSize(int size) throws SocketException {
        data.setReceiveBufferSize(size);
    }

    @Override
    public int getReceiveBufferSize() throws SocketException {
        return data.getReceiveBufferSize();
    }

    @Override
    public void shutdownInput() throws IOException {
        data.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        data.shutdownOutput();
    }

    @Override
    public boolean isConnected() {
        return data.isConnected();
    }

    @Override
    public boolean isBound() {
        return data.isBound();
    }

    @Override
    public boolean isClosed() {
        return data.isClosed();
    }

    @Override
    public boolean isInputShutdown() {
        return data.isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
        return data.isOutputShutdown();
    }

    @Override
    public void close() throws IOException {
        data.close();
    }

    @Override
    public String toString() {
        return data + " (control port " + controlPort + ")";
    }
}

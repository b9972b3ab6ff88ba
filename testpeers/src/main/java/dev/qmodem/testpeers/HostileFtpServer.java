package dev.qmodem.testpeers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An FTP server on loopback that does whatever its script says, for tests of what a malicious or broken server
 * can do to a client: endless greetings, replies dripped a line at a time, lone CR or LF inside replies, PASV
 * replies naming other addresses, listings that never end, data connections that never speak.
 * <p>
 * Each control connection runs the {@link Script} on a thread of its own. Every command line the server reads
 * is recorded exactly as received ({@link #received()}), so a test can prove what reached the wire.
 * Closing the server closes every connection it holds.
 */
public final class HostileFtpServer implements AutoCloseable {

    /** What the server does with one control connection. */
    @FunctionalInterface
    public interface Script {
        void play(Session session) throws IOException, InterruptedException;
    }

    /** How the server answers one command in {@link Session#serve}; null falls back to the ordinary answer. */
    @FunctionalInterface
    public interface Answers {
        String answer(Session session, String verb, String argument) throws IOException, InterruptedException;
    }

    /** A command line longer than this is recorded cut off; the server never buffers more. */
    private static final int MAX_COMMAND = 8192;

    private final ServerSocket listener;
    private final Script script;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<ServerSocket> listeners = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private HostileFtpServer(Script script) throws IOException {
        this.script = script;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofPlatform().daemon().name("hostile-ftp-accept").start(this::acceptLoop);
    }

    /** A script that logs the client in ({@link Session#login()}) and then serves with {@code answers}. */
    public static Script loggedIn(Answers answers) {
        return session -> {
            session.login();
            session.serve(answers);
        };
    }

    /** Starts listening on a free loopback port. */
    public static HostileFtpServer start(Script script) throws IOException {
        return new HostileFtpServer(script);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Every command line received on any control connection, without its CR LF, in order. */
    public List<String> received() {
        return List.copyOf(received);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket control = listener.accept();
                open.add(control);
                Thread.ofPlatform().daemon().name("hostile-ftp-session").start(() -> run(control));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void run(Socket control) {
        try (control) {
            script.play(new Session(control));
        } catch (IOException | InterruptedException e) {
            // The client hung up or the test ended: a hostile script has nothing to report.
        } finally {
            open.remove(control);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        listener.close();
        for (ServerSocket passive : listeners) {
            passive.close();
        }
        for (Socket socket : open) {
            socket.close();
        }
        acceptor.join(5000);
    }

    /** One control connection, and the tools a script plays it with. */
    public final class Session {

        private final Socket control;
        private final InputStream in;
        private final OutputStream out;

        private Session(Socket control) throws IOException {
            this.control = control;
            this.in = control.getInputStream();
            this.out = control.getOutputStream();
        }

        /** Sends {@code text} exactly as given (no CR LF added). */
        public void sendRaw(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** Sends one reply line followed by CR LF. */
        public void reply(String line) throws IOException {
            sendRaw(line + "\r\n");
        }

        /** Reads the next command line (up to LF, without CR LF); null when the client closed. */
        public String readCommand() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b; (b = in.read()) >= 0; ) {
                if (b == '\n') {
                    String command = line.toString(StandardCharsets.UTF_8);
                    command = command.endsWith("\r") ? command.substring(0, command.length() - 1) : command;
                    received.add(command);
                    return command;
                }
                if (line.size() < MAX_COMMAND) {
                    line.write(b);
                }
            }
            return null;
        }

        /** Sends {@code line} CR LF over and over until the client goes away: a flood. */
        public void flood(String line) throws IOException {
            byte[] chunk = (line + "\r\n").repeat(Math.max(1, 8192 / (line.length() + 2)))
                    .getBytes(StandardCharsets.UTF_8);
            while (true) {
                out.write(chunk);
            }
        }

        /** Sends {@code text} without any line end, over and over until the client goes away: one endless line. */
        public void floodWithoutLineEnd(String text) throws IOException {
            byte[] chunk = text.repeat(Math.max(1, 8192 / text.length())).getBytes(StandardCharsets.UTF_8);
            while (true) {
                out.write(chunk);
            }
        }

        /** Sends {@code line} CR LF every {@code every} until the client goes away: a reply that never ends. */
        public void drip(String line, Duration every) throws IOException, InterruptedException {
            while (true) {
                reply(line);
                Thread.sleep(every.toMillis());
            }
        }

        /** Waits until the client closes the control connection (or the server closes). */
        public void awaitClose() throws IOException {
            while (readCommand() != null) {
                // Swallows whatever the client still says.
            }
        }

        /** Greets with 220 and accepts any USER and PASS. */
        public void login() throws IOException {
            reply("220 hostile");
            for (String line; (line = readCommand()) != null; ) {
                if (line.startsWith("USER")) {
                    reply("331 password");
                } else if (line.startsWith("PASS")) {
                    reply("230 logged in");
                    return;
                } else {
                    reply("530 log in first");
                }
            }
        }

        /** A passive listener on loopback, closed with the server. */
        public ServerSocket passiveListener() throws IOException {
            ServerSocket passive = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            listeners.add(passive);
            return passive;
        }

        /** The 227 reply for {@code port} on the IPv4 {@code address} (which need not be this server's). */
        public String pasvReply(String address, int port) {
            return "227 Entering Passive Mode (" + address.replace('.', ',') + "," + (port >> 8) + ","
                    + (port & 0xff) + ")";
        }

        /** The address and port of a PORT argument {@code h1,h2,h3,h4,p1,p2}. */
        public Socket connectToPort(String portArgument) throws IOException {
            String[] parts = portArgument.split(",");
            String host = parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3];
            int port = Integer.parseInt(parts[4]) * 256 + Integer.parseInt(parts[5]);
            Socket data = new Socket(host, port);
            open.add(data);
            return data;
        }

        /** Accepts one data connection on {@code passive}; it is closed with the server. */
        public Socket acceptData(ServerSocket passive) throws IOException {
            Socket data = passive.accept();
            open.add(data);
            return data;
        }

        /**
         * Answers commands until the client leaves: {@code answers} first, then the ordinary answers of a server
         * with an empty root (TYPE, PWD, CWD, NOOP, QUIT; 502 otherwise). QUIT answers 221 and ends.
         */
        public void serve(Answers answers) throws IOException, InterruptedException {
            for (String line; (line = readCommand()) != null; ) {
                int space = line.indexOf(' ');
                String verb = (space < 0 ? line : line.substring(0, space)).toUpperCase();
                String argument = space < 0 ? "" : line.substring(space + 1);
                String answer = answers.answer(this, verb, argument);
                if (answer == null) {
                    answer = switch (verb) {
                        case "TYPE", "NOOP" -> "200 ok";
                        case "PWD" -> "257 \"/\"";
                        case "CWD", "DELE", "RMD" -> "250 ok";
                        case "MKD" -> "257 created";
                        case "QUIT" -> "221 bye";
                        default -> "502 not scripted";
                    };
                }
                if (!answer.isEmpty()) {
                    reply(answer);
                }
                if (verb.equals("QUIT")) {
                    return;
                }
            }
        }

        /** The client's address on the control connection. */
        public InetAddress clientAddress() {
            return control.getInetAddress();
        }

        /** Resets the control connection (RST, not FIN). */
        public void reset() throws SocketException, IOException {
            control.setSoLinger(true, 0);
            control.close();
        }
    }
}

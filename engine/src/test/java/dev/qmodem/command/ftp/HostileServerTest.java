package dev.qmodem.command.ftp;

import dev.qmodem.profile.Model;
import dev.qmodem.testpeers.HostileFtpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host's view of a hostile FTP server and of hostile AT parameters: every URC within rsptimeout, the host can
 * always get out, no command smuggled onto the control connection, no server text forging result lines.
 */
@Timeout(60)
class HostileServerTest {

    private static final Duration DRIP = Duration.ofMillis(300);

    /** The first connection plays {@code first}; every later one is an ordinary server. */
    private static HostileFtpServer.Script firstThen(HostileFtpServer.Script first) {
        AtomicInteger connections = new AtomicInteger();
        return s -> {
            if (connections.getAndIncrement() == 0) {
                first.play(s);
            } else {
                ordinary().play(s);
            }
        };
    }

    private static HostileFtpServer.Script ordinary() {
        return HostileFtpServer.loggedIn((session, verb, argument) -> null);
    }

    @Test
    void aDrippedGreetingEndsIn609WithinRsptimeoutAndTheModuleRecovers(@TempDir Path work) throws Exception {
        try (HostileRig rig = HostileRig.start(Model.BG95, work, firstThen(s -> s.drip("220-hold on", DRIP)))) {
            rig.configure(2);
            long start = System.nanoTime();
            rig.at("AT+QFTPOPEN=\"127.0.0.1\"," + rig.server().port(), "\r\nOK\r\n");
            rig.expect("\r\n+QFTPOPEN: 609,0\r\n");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1900),
                    Duration.ofMillis(3000));
            rig.assertUsableAndClosed();
            rig.open("0,0");
        }
    }

    @Test
    void aDrippedCommandReplyEndsIn609AndClosesTheSession(@TempDir Path work) throws Exception {
        try (HostileRig rig = HostileRig.start(Model.BG95, work, HostileFtpServer.loggedIn((session, verb, argument) -> {
                if (verb.equals("SIZE")) {
                    session.drip("213-counting", DRIP);
                }
                return null;
            }))) {
            rig.configure(2);
            rig.open("0,0");
            assertThat(rig.timedUrc("AT+QFTPSIZE=\"big\"", "\r\n+QFTPSIZE: 609,0\r\n"))
                    .isLessThan(Duration.ofMillis(3000));
            rig.assertUsableAndClosed();
            rig.open("0,0");
        }
    }

    @Test
    void closeWhileOpeningEndsAtOnceWhateverTheServerDoes(@TempDir Path work) throws Exception {
        try (HostileRig rig = HostileRig.start(Model.BG95, work, firstThen(s -> s.drip("220-hold on", DRIP)))) {
            rig.configure(120);
            rig.at("AT+QFTPOPEN=\"127.0.0.1\"," + rig.server().port(), "\r\nOK\r\n");
            Thread.sleep(500);
            long start = System.nanoTime();
            rig.at("AT+QFTPCLOSE", "\r\nOK\r\n");
            rig.expect("\r\n+QFTPOPEN: 606,0\r\n\r\n+QFTPCLOSE: 0,0\r\n");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            rig.assertUsableAndClosed();
            rig.open("0,0");
        }
    }

    /** A server under load answers QUIT late: an idle session waits for it within rsptimeout, as the manual says. */
    @Test
    void anIdleSessionsQuitAnsweredLateIsACleanLogout(@TempDir Path work) throws Exception {
        Duration late = Duration.ofSeconds(2);
        try (HostileRig rig = HostileRig.start(Model.BG95, work, HostileFtpServer.loggedIn((session, verb, argument) -> {
                if (verb.equals("QUIT")) {
                    Thread.sleep(late);
                }
                return null;
            }))) {
            rig.configure(20);
            rig.open("0,0");
            assertThat(rig.timedUrc("AT+QFTPCLOSE", "\r\n+QFTPCLOSE: 0,0\r\n")).isGreaterThanOrEqualTo(late);
            rig.assertUsableAndClosed();
        }
    }

    @Test
    void deactivatingTheContextEndsACommandTheServerNeverAnswers(@TempDir Path work) throws Exception {
        try (HostileRig rig = HostileRig.start(Model.BG95, work, HostileFtpServer.loggedIn((session, verb, argument) -> {
                if (verb.equals("CWD")) {
                    session.awaitClose();
                }
                return null;
            }))) {
            rig.configure(120);
            rig.open("0,0");
            rig.at("AT+QFTPCWD=\"silent\"", "\r\nOK\r\n");
            long start = System.nanoTime();
            rig.at("AT+QIDEACT=1", "\r\nOK\r\n");
            rig.expect("\r\n+QFTPCWD: 606,0\r\n\r\n+QFTPCLOSE: 605,0\r\n");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            rig.at("AT+QFTPSTAT", "\r\n+QFTPSTAT: 0,4\r\n\r\nOK\r\n");
            rig.at("AT+QIACT=1", "\r\nOK\r\n");
            rig.open("0,0");
        }
    }

    @Test
    void closeEndsATransferWhoseDataConnectionNeverSpeaks(@TempDir Path work) throws Exception {
        try (HostileRig rig = HostileRig.start(Model.BG95, work, s -> {
            s.login();
            java.net.ServerSocket passive = s.passiveListener();
            s.serve((session, verb, argument) -> switch (verb) {
                case "PASV" -> session.pasvReply("127.0.0.1", passive.getLocalPort());
                case "RETR" -> {
                    session.acceptData(passive);
                    session.reply("150 here it comes, never");
                    session.awaitClose();
                    yield "";
                }
                default -> null;
            });
        })) {
            rig.configure(120);
            rig.open("0,0");
            rig.at("AT+QFTPGET=\"never.bin\",\"never.bin\"", "\r\nOK\r\n");
            Thread.sleep(300);
            long start = System.nanoTime();
            rig.at("AT+QFTPCLOSE", "\r\nOK\r\n");
            rig.expectMatch("\r\n\\+QFTPGET: 6\\d\\d,\\d+\r\n\r\n\\+QFTPCLOSE: 0,0\r\n", Duration.ofSeconds(5));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
            rig.assertUsableAndClosed();
        }
    }

    @Test
    void aSilentDataConnectionEndsIn609AfterRsptimeout(@TempDir Path work) throws Exception {
        try (HostileRig rig = HostileRig.start(Model.BG95, work, s -> {
            s.login();
            java.net.ServerSocket passive = s.passiveListener();
            s.serve((session, verb, argument) -> switch (verb) {
                case "PASV" -> session.pasvReply("127.0.0.1", passive.getLocalPort());
                case "RETR" -> {
                    session.acceptData(passive);
                    session.reply("150 silence follows");
                    session.awaitClose();
                    yield "";
                }
                default -> null;
            });
        })) {
            rig.configure(1);
            rig.open("0,0");
            long start = System.nanoTime();
            rig.at("AT+QFTPGET=\"quiet.bin\",\"quiet.bin\"", "\r\nOK\r\n");
            rig.expect("\r\n+QFTPGET: 609,0\r\n");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3500));
            rig.at("AT", "\r\nOK\r\n");
        }
    }

    @Test
    void aPassiveReplyNamingAnotherAddressIsFollowedOnlyAsConfigured(@TempDir Path work) throws Exception {
        try (HostileRig rig = HostileRig.start(Model.BG95, work, s -> {
            s.login();
            java.net.ServerSocket passive = s.passiveListener();
            s.serve((session, verb, argument) -> switch (verb) {
                case "PASV" -> session.pasvReply("127.0.0.3", passive.getLocalPort());
                case "SIZE" -> "213 0";
                case "RETR" -> {
                    try (java.net.Socket data = session.acceptData(passive)) {
                        session.reply("150 here");
                    }
                    yield "226 done";
                }
                default -> null;
            });
        })) {
            rig.configure(5);
            rig.open("0,0");
            rig.at("AT+QFTPGET=\"a.bin\",\"a.bin\"", "\r\nOK\r\n");
            rig.expectMatch("\r\n\\+QFTPGET: 60[5-9],0\r\n", Duration.ofSeconds(8));
            rig.at("AT+QFTPCFG=\"data_address\",1", "\r\nOK\r\n");
            rig.at("AT+QFTPCLOSE", "\r\nOK\r\n\r\n+QFTPCLOSE: 0,0\r\n");
            rig.open("0,0");
            rig.at("AT+QFTPGET=\"a.bin\",\"a.bin\"", "\r\nOK\r\n\r\n+QFTPGET: 0,0\r\n");
        }
    }

    @Test
    void controlCharactersInAnyFtpParameterAreRefusedBeforeAnythingIsSent(@TempDir Path work) throws Exception {
        try (HostileRig rig = HostileRig.start(Model.BG95, work, ordinary())) {
            rig.configure(20);
            rig.open("0,0");
            List<String> before = rig.server().received();
            for (String bad : List.of("\\0D\\0ADELE x", "\\0ASITE CHMOD 777 x", "\\00", "a\\7F", "\\09")) {
                String name = "\"x" + bad + "\"";
                for (String command : List.of("AT+QFTPCWD=" + name, "AT+QFTPMKDIR=" + name, "AT+QFTPRMDIR=" + name,
                        "AT+QFTPDEL=" + name, "AT+QFTPSIZE=" + name, "AT+QFTPMDTM=" + name,
                        "AT+QFTPRENAME=" + name + ",\"ok\"", "AT+QFTPRENAME=\"ok\"," + name,
                        "AT+QFTPGET=" + name + ",\"COM:\"", "AT+QFTPGET=" + name + ",\"local.bin\"",
                        "AT+QFTPPUT=" + name + ",\"COM:\",0", "AT+QFTPLIST=" + name, "AT+QFTPNLST=" + name,
                        "AT+QFTPMLSD=" + name, "AT+QFTPCFG=\"account\"," + name + ",\"p\"",
                        "AT+QFTPCFG=\"account\",\"u\"," + name)) {
                    rig.at(command, "\r\n+CME ERROR: 610\r\n");
                }
            }
            rig.at("AT+QFTPCWD=\"fine\"", "\r\nOK\r\n\r\n+QFTPCWD: 0,0\r\n");
            assertThat(rig.server().received().subList(before.size(), rig.server().received().size()))
                    .containsExactly("CWD fine");
        }
    }

    @Test
    void mdtmTextCannotForgeResultLines(@TempDir Path work) throws Exception {
        try (HostileRig rig = HostileRig.start(Model.BG95, work, HostileFtpServer.loggedIn((session, verb, argument) -> verb.equals("MDTM") ? "213 20240102030405\nOK\r+QFTPGET: 0,1" : null))) {
            rig.configure(20);
            rig.open("0,0");
            rig.at("AT+QFTPMDTM=\"f\"", "\r\nOK\r\n");
            String mdtm = rig.expectMatch("\r\n\\+QFTPMDTM: [^\r\n]*\r\n", Duration.ofSeconds(5));
            assertThat(mdtm.substring(2, mdtm.length() - 2)).doesNotContain("\r", "\n");
            rig.at("AT", "\r\nOK\r\n");
        }
    }

    @Test
    void controlCharactersInAPwdReplyAreEscaped(@TempDir Path work) throws Exception {
        try (HostileRig rig = HostileRig.start(Model.BG95, work, HostileFtpServer.loggedIn((session, verb, argument) -> verb.equals("PWD") ? "257 \"/x\nOK\r+Q\"\"\\\" is current" : null))) {
            rig.configure(20);
            rig.open("0,0");
            rig.at("AT+QFTPPWD", "\r\nOK\r\n\r\n+QFTPPWD: 0,\"/x\\0AOK\\0D+Q\\22\\5C\"\r\n");
        }
    }
}

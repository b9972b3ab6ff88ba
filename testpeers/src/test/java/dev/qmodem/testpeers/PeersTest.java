package dev.qmodem.testpeers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PeersTest {

    @Test
    void pureFtpdLivesUnderThePeersFolder() {
        assertThat(Peers.pureFtpdBinary()).endsWith(Path.of("pure-ftpd/usr/sbin/pure-ftpd"));
        assertThat(Peers.purePwBinary().getParent().getParent()).isEqualTo(Peers.pureFtpdBinary().getParent().getParent());
    }
}

package dev.qmodem.junit;

import dev.qmodem.profile.Model;

/** The client against a BG95. */
@QModemTest(model = Model.BG95)
class Bg95FtpClientTest extends LteFtpClientEndToEnd {
}

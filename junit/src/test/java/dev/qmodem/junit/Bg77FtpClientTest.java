package dev.qmodem.junit;

import dev.qmodem.profile.Model;

/** The client against a BG77. */
@QModemTest(model = Model.BG77)
class Bg77FtpClientTest extends LteFtpClientEndToEnd {
}

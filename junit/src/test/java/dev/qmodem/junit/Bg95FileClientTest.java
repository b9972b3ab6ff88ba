package dev.qmodem.junit;

import dev.qmodem.profile.Model;

/** The file client against a BG95 (UFS only). */
@QModemTest(model = Model.BG95)
class Bg95FileClientTest extends FileClientEndToEnd {
}

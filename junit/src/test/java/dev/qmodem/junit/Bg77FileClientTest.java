package dev.qmodem.junit;

import dev.qmodem.profile.Model;

/** The file client against a BG77 (UFS only). */
@QModemTest(model = Model.BG77)
class Bg77FileClientTest extends FileClientEndToEnd {
}

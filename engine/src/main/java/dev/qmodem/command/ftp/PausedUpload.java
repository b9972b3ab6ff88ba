package dev.qmodem.command.ftp;

import dev.qmodem.ftp.Upload;

/** An upload left open by {@code <beof>}=0: the file, its data connection, and where the next part starts. */
record PausedUpload(String file, Upload upload, long nextPosition) {
}

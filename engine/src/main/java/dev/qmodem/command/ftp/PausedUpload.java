package dev.qmodem.command.ftp;

import dev.qmodem.ftp.UploadConnection;

/** An upload left open by {@code <beof>}=0: the file, its data connection, and where the next part starts. */
record PausedUpload(String file, UploadConnection upload, long nextPosition) {
}

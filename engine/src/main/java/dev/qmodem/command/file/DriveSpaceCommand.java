package dev.qmodem.command.file;

import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.fs.Drive;
import dev.qmodem.fs.DriveInfo;
import dev.qmodem.fs.FileError;
import dev.qmodem.fs.LocalStorage;

/**
 * {@code AT+QFLDS=<name_pattern>}: {@code +QFLDS: <free_size>,<total_size>} of {@code "UFS"} or {@code "RAM"};
 * {@code AT+QFLDS}: {@code +QFLDS: <UFS_file_size>,<UFS_file_number>}, the bytes and number of the UFS files.
 */
final class DriveSpaceCommand extends FileCommand {

    private static final String NAME = "+QFLDS";

    private final LocalStorage storage;

    DriveSpaceCommand(LocalStorage storage) {
        this.storage = storage;
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        try {
            switch (request.form()) {
                case TEST -> { }
                case SET -> {
                    DriveInfo info = storage.driveInfo(drive(request.args().count(1, 1).string(0, NAME_ARGUMENT_MAX)));
                    response.info(NAME + ": " + info.free() + "," + info.total());
                }
                case EXECUTE -> {
                    DriveInfo info = storage.driveInfo(Drive.UFS);
                    response.info(NAME + ": " + info.used() + "," + info.fileCount());
                }
                default -> throw Params.unsupportedForm();
            }
        } catch (FileError e) {
            throw failed(e);
        }
    }

    private static Drive drive(String name) throws AtException {
        for (Drive drive : Drive.values()) {
            if (drive.name().equalsIgnoreCase(name)) {
                return drive;
            }
        }
        throw AtException.invalidParameter("no drive " + name);
    }
}

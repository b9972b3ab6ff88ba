package dev.qmodem.command.file;

import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.fs.ChecksumAlgorithm;
import dev.qmodem.fs.DataChecksum;
import dev.qmodem.fs.FileError;
import dev.qmodem.fs.FileErrorCode;
import dev.qmodem.fs.LocalStorage;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@code AT+QFCRC=<filename>}: {@code +QFCRC: <crc32>,<crc16>,<crc16_ccitt>} of the whole file, each as
 * {@code 0x} and upper-case hex digits padded to its width, as a real module prints them
 * ({@code +QFCRC: 0xD4326D90,0x285C,0xC1FB}).
 */
final class CrcCommand extends FileCommand {

    private static final int BUFFER = 64 * 1024;

    private final LocalStorage storage;

    CrcCommand(LocalStorage storage) {
        this.storage = storage;
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        switch (request.form()) {
            case TEST -> response.info("+QFCRC: <filename>");
            case SET -> response.info(crcLine(request.args().count(1, 1).string(0, NAME_ARGUMENT_MAX)));
            default -> throw Params.unsupportedForm();
        }
    }

    private String crcLine(String name) throws AtException {
        DataChecksum crc32 = ChecksumAlgorithm.CRC32.create();
        DataChecksum crc16 = ChecksumAlgorithm.CRC16.create();
        DataChecksum ccitt = ChecksumAlgorithm.CRC16_CCITT.create();
        try (InputStream in = storage.openRead(name, 0)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                crc32.update(buffer, 0, n);
                crc16.update(buffer, 0, n);
                ccitt.update(buffer, 0, n);
            }
        } catch (FileError e) {
            throw failed(e);
        } catch (IOException e) {
            throw AtException.cme(FileErrorCode.FAIL_TO_READ.number());
        }
        return String.format("+QFCRC: 0x%08X,0x%04X,0x%04X", crc32.value(), crc16.value(), ccitt.value());
    }
}

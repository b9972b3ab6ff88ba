package dev.qmodem.command.file;

import dev.qmodem.at.AtCommandHandler;
import dev.qmodem.data.DataMode;
import dev.qmodem.fs.FileHandles;
import dev.qmodem.fs.LocalStorage;
import dev.qmodem.time.Clock;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The FILE command family's registrations: every local-file AT command with what it needs. Which of them a model
 * has ({@code AT+QFCRC} only on BG95/BG77) is its profile's {@code commands} list.
 */
public final class FileCommands {

    private FileCommands() {
    }

    /**
     * @param clock  times the silence of uploads and writes
     * @param worker runs the pumps of downloads and reads to the host; may block while the host does not read
     */
    public static Map<String, AtCommandHandler> create(LocalStorage storage, DataMode dataMode,
                                                       Clock clock, Executor worker) {
        FileHandles handles = storage.handles();
        Map<String, AtCommandHandler> commands = new LinkedHashMap<>();
        commands.put("+QFLDS", new DriveSpaceCommand(storage));
        commands.put("+QFLST", new ListFilesCommand(storage));
        commands.put("+QFDEL", new DeleteFilesCommand(storage));
        commands.put("+QFUPL", new UploadCommand(storage, dataMode, clock));
        commands.put("+QFDWL", new DownloadCommand(storage, dataMode, worker));
        commands.put("+QFCRC", new CrcCommand(storage));
        commands.put("+QFOPEN", new OpenCommand(handles));
        commands.put("+QFREAD", new ReadCommand(handles, dataMode, worker));
        commands.put("+QFWRITE", new WriteCommand(handles, dataMode, clock));
        commands.put("+QFSEEK", new SeekCommand(handles));
        commands.put("+QFPOSITION", new HandleCommand(handles, (h, handle) -> "+QFPOSITION: " + h.position(handle)));
        commands.put("+QFTUCAT", new HandleCommand(handles, (h, handle) -> {
            h.truncate(handle);
            return null;
        }));
        commands.put("+QFCLOSE", new HandleCommand(handles, (h, handle) -> {
            h.close(handle);
            return null;
        }));
        return commands;
    }
}

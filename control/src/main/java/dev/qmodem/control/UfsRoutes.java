package dev.qmodem.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qmodem.control.ControlServer.Controlled;
import dev.qmodem.fs.Drive;
import dev.qmodem.fs.DriveInfo;
import dev.qmodem.fs.FileEntry;
import dev.qmodem.fs.FileError;
import dev.qmodem.fs.FileErrorCode;
import dev.qmodem.fs.LocalStorage;
import dev.qmodem.fs.StagedUpload;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;

/**
 * A module's local files over HTTP, through the same storage the AT commands use (so names, space and open files
 * follow the module's rules): list, download, upload (the request body, streamed, never a new name over an old
 * one), delete. A storage error answers with its status and {@code {"error":..., "code":<FILE error>}}.
 */
final class UfsRoutes {

    private static final int BUFFER = 64 * 1024;

    private final Function<String, Controlled> modules;

    private UfsRoutes(Function<String, Controlled> modules) {
        this.modules = modules;
    }

    static void install(RoutesConfig routes, Function<String, Controlled> modules) {
        UfsRoutes ufs = new UfsRoutes(modules);
        routes.get("/api/modules/{id}/files", ufs::list);
        routes.get("/api/modules/{id}/files/{name}", ufs::download);
        routes.put("/api/modules/{id}/files/{name}", ufs::upload);
        routes.delete("/api/modules/{id}/files/{name}", ufs::delete);
        routes.exception(FileError.class, UfsRoutes::failed);
    }

    private LocalStorage storage(Context ctx) {
        return modules.apply(ctx.pathParam("id")).module().storage();
    }

    private void list(Context ctx) throws FileError {
        LocalStorage storage = storage(ctx);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode drives = body.putArray("drives");
        for (Drive drive : Drive.values()) {
            if (!storage.hasDrive(drive)) {
                continue;
            }
            DriveInfo info = storage.driveInfo(drive);
            ObjectNode node = drives.addObject().put("drive", drive.name()).put("total", info.total())
                    .put("free", info.free());
            ArrayNode files = node.putArray("files");
            for (FileEntry entry : storage.list(drive.prefix() + "*")) {
                files.addObject().put("name", entry.displayName()).put("size", entry.size());
            }
        }
        ctx.json(body);
    }

    private void download(Context ctx) throws FileError {
        LocalStorage storage = storage(ctx);
        String name = ctx.pathParam("name");
        long size = storage.size(name);
        InputStream in = storage.openRead(name, 0);
        ctx.contentType("application/octet-stream")
                .header("Content-Disposition", "attachment; filename=\"" + plainName(name) + "\"")
                .header("Content-Length", Long.toString(size))
                .result(in);
    }

    private static String plainName(String localName) {
        return localName.substring(localName.indexOf(':') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private void upload(Context ctx) throws IOException {
        LocalStorage storage = storage(ctx);
        String name = ctx.pathParam("name");
        storage.checkName(name);
        Drive drive = name.regionMatches(true, 0, Drive.RAM.prefix(), 0, Drive.RAM.prefix().length()) ? Drive.RAM
                : Drive.UFS;
        long free = storage.driveInfo(drive).free();
        long declared = ctx.contentLength();
        if (declared > free || free < 1) {
            throw new FileError(FileErrorCode.DRIVE_FULL, declared + " bytes sent, " + free + " free");
        }
        StagedUpload upload = storage.beginUpload(name, declared >= 0 ? Math.max(1, declared) : free);
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] buffer = new byte[BUFFER];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                upload.write(buffer, 0, n);
            }
            upload.commit();
        } catch (IOException | RuntimeException e) {
            upload.abort();
            throw e;
        }
        ctx.status(HttpStatus.CREATED).json(JsonNodeFactory.instance.objectNode().put("name", upload.displayName())
                .put("size", upload.size()));
    }

    private void delete(Context ctx) throws FileError {
        LocalStorage storage = storage(ctx);
        String name = ctx.pathParam("name");
        storage.checkName(name);
        storage.delete(name);
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private static void failed(FileError e, Context ctx) {
        HttpStatus status = switch (e.code()) {
            case FILE_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVALID_FILE_NAME, INVALID_PARAMETER, INVALID_INPUT_VALUE -> HttpStatus.BAD_REQUEST;
            case FILE_ALREADY_EXISTS, FILE_ALREADY_OPENED, FAIL_TO_DELETE -> HttpStatus.CONFLICT;
            case DRIVE_FULL, FILE_TOO_LARGE, NO_SPACE -> HttpStatus.CONTENT_TOO_LARGE;
            default -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("error", e.getMessage())
                .put("code", e.code().number());
        if (status == HttpStatus.BAD_REQUEST) {
            body.put("field", "name");
        }
        ctx.status(status).json(body);
    }
}

package dev.qmodem.at;

import java.util.ArrayList;
import java.util.List;

/**
 * What a command line answers: information lines, a final result code (OK unless a command set another), and lines
 * that follow the final result code like a URC (the BG95 {@code +QFTPLEN} comes after its {@code OK}).
 */
public final class Response {

    private final List<String> info = new ArrayList<>();
    private final List<String> afterFinal = new ArrayList<>();
    private ResultCode result = ResultCode.OK;
    private String resultDetail;
    private Integer errorCode;

    /** Adds an information line, e.g. {@code +QFTPCFG: "filetype",0}. */
    public void info(String line) {
        info.add(line);
    }

    /** Adds a line sent after the final result code, framed like a URC. */
    public void afterFinal(String line) {
        afterFinal.add(line);
    }

    /** Replaces the final result code; {@link ResultCode#CONNECT} hands the port over to data mode. */
    public void result(ResultCode code) {
        result = code;
    }

    /** Hands the port over to data mode with {@code CONNECT <detail>}, e.g. {@code CONNECT 10} of AT+QFREAD. */
    public void connect(String detail) {
        result = ResultCode.CONNECT;
        resultDetail = detail;
    }

    /** What follows the verbose final result code after a space, or null. */
    public String resultDetail() {
        return resultDetail;
    }

    /** Ends the response with {@code ERROR} ({@link AtException#PLAIN_ERROR}) or {@code +CME ERROR: <code>}. */
    public void error(int code) {
        errorCode = code;
        result = ResultCode.ERROR;
    }

    /** The error code if the response ends in an error, else null. */
    public Integer errorCode() {
        return errorCode;
    }

    public List<String> info() {
        return info;
    }

    public List<String> afterFinal() {
        return afterFinal;
    }

    public ResultCode result() {
        return result;
    }
}

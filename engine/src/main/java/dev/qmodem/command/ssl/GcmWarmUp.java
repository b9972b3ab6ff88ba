package dev.qmodem.command.ssl;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Brings the JVM's AES-GCM to its fast code before the first TLS transfer needs it. JSSE calls the cipher once per
 * 16 KiB record, and the JIT compiles those entry points at its top tier, the only one that uses the CPU's AES and
 * carry-less multiply instructions, after about 15,000 calls: so the first ~240 MiB of TLS data a process moves
 * are hashed in plain Java at about ten times the cost (JFR: {@code GHASH.blockMult}, {@code GHASH.processBlocks}
 * with line numbers). Run once per process, in the background, when the first TLS session is set up; it encrypts
 * and decrypts small records as JSSE does (heap buffers, decryption in place) for well under a second of CPU.
 */
final class GcmWarmUp {

    private static final Logger log = LoggerFactory.getLogger(GcmWarmUp.class);
    /** Calls of each direction: past the JIT's top-tier threshold for the per-record methods. */
    private static final int RECORDS = 6_000;
    /** Big enough for the cipher's multi-block (intrinsic) path, small enough to cost little before it is fast. */
    private static final int RECORD_BYTES = 1024;
    private static final int TAG_BITS = 128;
    private static final AtomicBoolean started = new AtomicBoolean();

    private GcmWarmUp() {
    }

    /** Starts the warm-up unless it has run or is running in this process. */
    static void start() {
        if (started.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().priority(Thread.MIN_PRIORITY).name("qmodem-gcm-warm-up")
                    .start(GcmWarmUp::run);
        }
    }

    private static void run() {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
            byte[] nonce = new byte[12];
            byte[] header = new byte[5];
            ByteBuffer plain = ByteBuffer.allocate(RECORD_BYTES);
            ByteBuffer record = ByteBuffer.allocate(RECORD_BYTES + TAG_BITS / 8);
            for (int i = 0; i < RECORDS; i++) {
                ByteBuffer.wrap(nonce).putInt(0, i); // GCM refuses to encrypt twice under one key and nonce
                GCMParameterSpec parameters = new GCMParameterSpec(TAG_BITS, nonce);
                cipher.init(Cipher.ENCRYPT_MODE, key, parameters);
                cipher.updateAAD(header);
                cipher.doFinal(plain.clear(), record.clear());
                cipher.init(Cipher.DECRYPT_MODE, key, parameters);
                cipher.updateAAD(header);
                record.flip();
                cipher.doFinal(record, record.duplicate());
            }
            log.debug("AES-GCM warmed up");
        } catch (GeneralSecurityException e) {
            log.debug("AES-GCM warm-up failed: {}", e.toString());
        }
    }
}

package dev.qmodem.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

/** A test with its own {@link ControlledWorld}, started before each test and closed after it. */
abstract class WorldTest {

    @TempDir
    Path folder;
    ControlledWorld world;

    @BeforeEach
    void startWorld() throws IOException {
        world = new ControlledWorld(folder);
    }

    @AfterEach
    void stopWorld() throws IOException {
        world.close();
    }
}

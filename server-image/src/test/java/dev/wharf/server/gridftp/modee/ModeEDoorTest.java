package dev.wharf.server.gridftp.modee;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh {@link ModeEDoor} (four streams per client) for each test of a subclass. */
abstract class ModeEDoorTest {

    @TempDir
    Path dir;
    ModeEDoor door;

    @BeforeEach
    void startDoor() throws Exception {
        door = ModeEDoor.start(dir, 4);
    }

    @AfterEach
    void stopDoor() {
        door.close();
    }
}

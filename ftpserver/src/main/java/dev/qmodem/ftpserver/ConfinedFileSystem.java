package dev.qmodem.ftpserver;

import org.apache.ftpserver.filesystem.nativefs.NativeFileSystemFactory;
import org.apache.ftpserver.ftplet.FileSystemFactory;
import org.apache.ftpserver.ftplet.FileSystemView;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpFile;
import org.apache.ftpserver.ftplet.User;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Apache FtpServer's native file system, kept inside the user's root: a path that reaches outside it through a
 * symbolic link (to a file, to a directory, or dangling) is treated as not there. It cannot be read, written,
 * listed, entered, created, renamed or removed, and a listing leaves such links out. The native view alone only
 * normalises names, so a link below the root would otherwise lead anywhere the server process may go.
 */
final class ConfinedFileSystem implements FileSystemFactory {

    private final NativeFileSystemFactory nativeFactory = new NativeFileSystemFactory();

    @Override
    public FileSystemView createFileSystemView(User user) throws FtpException {
        Path root;
        try {
            root = Path.of(user.getHomeDirectory()).toRealPath();
        } catch (IOException e) {
            throw new FtpException("home directory unusable: " + user.getHomeDirectory(), e);
        }
        return new View(nativeFactory.createFileSystemView(user), root);
    }

    /** Whether {@code file} (which need not exist) stays below {@code root} once every link is followed. */
    static boolean inside(File file, Path root) {
        Path path = file.toPath().toAbsolutePath().normalize();
        Path existing = path;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return false;
        }
        try {
            return existing.toRealPath().startsWith(root);
        } catch (IOException danglingLink) {
            return false;
        }
    }

    private record View(FileSystemView delegate, Path root) implements FileSystemView {

        @Override
        public FtpFile getHomeDirectory() throws FtpException {
            return confine(delegate.getHomeDirectory());
        }

        @Override
        public FtpFile getWorkingDirectory() throws FtpException {
            return confine(delegate.getWorkingDirectory());
        }

        @Override
        public boolean changeWorkingDirectory(String dir) throws FtpException {
            return getFile(dir).doesExist() && delegate.changeWorkingDirectory(dir);
        }

        @Override
        public FtpFile getFile(String file) throws FtpException {
            return confine(delegate.getFile(file));
        }

        @Override
        public boolean isRandomAccessible() throws FtpException {
            return delegate.isRandomAccessible();
        }

        @Override
        public void dispose() {
            delegate.dispose();
        }

        private FtpFile confine(FtpFile file) {
            return new ConfinedFile(file, root);
        }
    }

    /** A file of the native view, or nothing at all when it lies outside the root. */
    private static final class ConfinedFile implements FtpFile {

        private final FtpFile delegate;
        private final Path root;
        private final boolean inside;

        ConfinedFile(FtpFile delegate, Path root) {
            this.delegate = delegate;
            this.root = root;
            this.inside = inside((File) delegate.getPhysicalFile(), root);
        }

        @Override
        public String getAbsolutePath() {
            return delegate.getAbsolutePath();
        }

        @Override
        public String getName() {
            return delegate.getName();
        }

        @Override
        public boolean isHidden() {
            return inside && delegate.isHidden();
        }

        @Override
        public boolean isDirectory() {
            return inside && delegate.isDirectory();
        }

        @Override
        public boolean isFile() {
            return inside && delegate.isFile();
        }

        @Override
        public boolean doesExist() {
            return inside && delegate.doesExist();
        }

        @Override
        public boolean isReadable() {
            return inside && delegate.isReadable();
        }

        @Override
        public boolean isWritable() {
            return inside && delegate.isWritable();
        }

        @Override
        public boolean isRemovable() {
            return inside && delegate.isRemovable();
        }

        @Override
        public String getOwnerName() {
            return delegate.getOwnerName();
        }

        @Override
        public String getGroupName() {
            return delegate.getGroupName();
        }

        @Override
        public int getLinkCount() {
            return inside ? delegate.getLinkCount() : 0;
        }

        @Override
        public long getLastModified() {
            return inside ? delegate.getLastModified() : 0;
        }

        @Override
        public boolean setLastModified(long time) {
            return inside && delegate.setLastModified(time);
        }

        @Override
        public long getSize() {
            return inside ? delegate.getSize() : 0;
        }

        @Override
        public Object getPhysicalFile() {
            return delegate.getPhysicalFile();
        }

        @Override
        public boolean mkdir() {
            return inside && delegate.mkdir();
        }

        @Override
        public boolean delete() {
            return inside && delegate.delete();
        }

        @Override
        public boolean move(FtpFile destination) {
            return inside && destination instanceof ConfinedFile target && target.inside
                    && delegate.move(target.delegate);
        }

        @Override
        public List<? extends FtpFile> listFiles() {
            if (!inside) {
                return List.of();
            }
            List<? extends FtpFile> children = delegate.listFiles();
            return children == null ? null : children.stream().map(child -> new ConfinedFile(child, root))
                    .filter(child -> child.inside).toList();
        }

        @Override
        public OutputStream createOutputStream(long offset) throws IOException {
            requireInside();
            return delegate.createOutputStream(offset);
        }

        @Override
        public InputStream createInputStream(long offset) throws IOException {
            requireInside();
            return delegate.createInputStream(offset);
        }

        private void requireInside() throws IOException {
            if (!inside) {
                throw new IOException(getAbsolutePath() + " leads outside the root");
            }
        }
    }
}

package dev.streamlab.kit;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks a distribution ({@code .tar.gz} or {@code .zip}, one top folder {@code streamlab-VERSION/}) with Commons
 * Compress, which keeps the launchers' executable bits. Entries that would land outside the folder (absolute paths,
 * {@code ..}), hard links and symbolic links that point outside are refused: a damaged or hostile archive writes
 * nothing outside its folder.
 */
public final class Archives {

    private Archives() {}

    /** Unpacks {@code archive} into {@code into} (which must exist), leaving out the archive's top folder. */
    public static void extract(Path archive, Path into) throws IOException {
        extract(archive, into, Checksums.newDigest());
    }

    /**
     * Unpacks {@code archive} as {@link #extract(Path, Path)} does, and returns the SHA-256 of every byte of the file
     * (read in the same pass, so a kit's archive is read once). The caller must not use what it unpacked until it has
     * compared that checksum.
     */
    public static String extractAndDigest(Path archive, Path into) throws IOException {
        MessageDigest digest = Checksums.newDigest();
        extract(archive, into, digest);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void extract(Path archive, Path into, MessageDigest digest) throws IOException {
        String name = archive.getFileName().toString();
        try (InputStream file =
                new BufferedInputStream(new DigestInputStream(Files.newInputStream(archive), digest), 1 << 16)) {
            // The readers close what they read; the file stays open for the checksum's last bytes.
            InputStream shielded = new FilterInputStream(file) {
                @Override
                public void close() {}
            };
            if (name.endsWith(".zip")) {
                try (ZipArchiveInputStream zip = new ZipArchiveInputStream(shielded)) {
                    extract(zip, archive, into);
                }
            } else if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
                try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(shielded))) {
                    extract(tar, archive, into);
                }
            } else {
                throw new KitException(archive + " is neither a .tar.gz nor a .zip.");
            }
            // The archive's readers stop at their end marker; the checksum covers the file's last byte too.
            file.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static void extract(ArchiveInputStream<? extends ArchiveEntry> in, Path archive, Path into)
            throws IOException {
        Path root = into.toAbsolutePath().normalize();
        ArchiveEntry entry;
        while ((entry = in.getNextEntry()) != null) {
            String entryName = entry.getName().replace('\\', '/');
            int slash = entryName.indexOf('/');
            String inside = slash < 0 ? "" : entryName.substring(slash + 1);
            if (inside.isEmpty()) {
                continue; // the top folder itself
            }
            Path target = root.resolve(inside).normalize();
            if (!target.startsWith(root) || inside.startsWith("/")) {
                throw new KitException(archive.getFileName() + " holds an entry outside its folder (" + entry.getName()
                        + "): it is not a streamlab distribution. Use the kit's own file.");
            }
            if (entry instanceof TarArchiveEntry tar && tar.isSymbolicLink()) {
                // jlink's runtime links its legal notices; a link may only point inside the folder
                Path link = Path.of(tar.getLinkName());
                if (link.isAbsolute()
                        || !target.getParent().resolve(link).normalize().startsWith(root)) {
                    throw new KitException(archive.getFileName() + " holds a link that points outside its folder ("
                            + entry.getName() + " -> " + tar.getLinkName() + "): use the kit's own file.");
                }
                Files.createDirectories(target.getParent());
                Files.deleteIfExists(target);
                Files.createSymbolicLink(target, link);
                continue;
            }
            if (isLink(entry)) {
                throw new KitException(archive.getFileName() + " holds a link (" + entry.getName()
                        + "), which a streamlab distribution never does. Use the kit's own file.");
            }
            if (entry.isDirectory()) {
                Files.createDirectories(target);
                continue;
            }
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            if (executable(entry)) {
                try {
                    Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(target));
                    permissions.addAll(Set.of(
                            PosixFilePermission.OWNER_EXECUTE,
                            PosixFilePermission.GROUP_EXECUTE,
                            PosixFilePermission.OTHERS_EXECUTE));
                    Files.setPosixFilePermissions(target, permissions);
                } catch (UnsupportedOperationException e) {
                    target.toFile().setExecutable(true, false); // not a POSIX file system (Windows)
                }
            }
        }
    }

    private static boolean isLink(ArchiveEntry entry) {
        if (entry instanceof TarArchiveEntry tar) {
            return tar.isLink();
        }
        return entry instanceof ZipArchiveEntry zip && zip.isUnixSymlink();
    }

    private static boolean executable(ArchiveEntry entry) {
        int mode = entry instanceof TarArchiveEntry tar
                ? tar.getMode()
                : entry instanceof ZipArchiveEntry zip ? zip.getUnixMode() : 0;
        return (mode & 0100) != 0;
    }
}

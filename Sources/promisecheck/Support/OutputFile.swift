import Foundation

/// Writes command output to a file atomically: a temporary file in the same folder, flushed to
/// disk and renamed into place, so an interrupted write never leaves a half-written file.
///
/// The temporary file is hidden, `.NAME.PID.tmp`. A process killed mid-write (SIGKILL cannot be
/// caught) leaves it behind; the next write to the same folder removes those whose process is
/// gone. Without `force` an existing file is never replaced, not even one that appears while
/// the report is being written.
enum OutputFile {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Why writing to `path` would be refused, before anything is written: a folder, or an
    /// existing file without `force`. A device or pipe (`/dev/null`) is never refused.
    static func refusal(for path: String, force: Bool) -> String? {
        var target = stat()
        guard lstat(path, &target) == 0 || stat(path, &target) == 0 else { return nil }
        if stat(path, &target) == 0 {
            switch target.st_mode & S_IFMT {
            case S_IFDIR: return "\(path): is a folder, not a file"
            case S_IFREG: break
            default: return nil
            }
        }
        return force ? nil : "\(path): already exists; use --force to overwrite it"
    }

    static func write(_ text: String, to path: String, force: Bool) throws(Failure) {
        let writer = try Writer(path: path, force: force)
        writer.write(Array(text.utf8))
        try writer.commit()
    }

    /// A file being written in parts: into a temporary file that ``commit()`` flushes and moves
    /// into place, or, for a device, a pipe or standard output, in place. Until `commit`, an
    /// existing file is untouched; ``discard()`` removes the temporary file. Writes are buffered
    /// and go out in large `write(2)` calls.
    final class Writer {
        let path: String
        let force: Bool
        private let descriptor: Int32
        /// Nil when the target is written in place.
        private let temporary: String?
        /// The first write that failed, reported by `commit`.
        private var error: Int32?
        private var buffer: [UInt8] = []
        private static let bufferSize = 256 * 1024

        /// Standard output, written in place and left open.
        static func standardOutput() -> Writer { Writer(standardOutput: ()) }

        private init(standardOutput: Void) {
            path = "standard output"
            force = true
            descriptor = STDOUT_FILENO
            temporary = nil
        }

        /// Opens the temporary file, or the device or pipe, refusing what ``refusal(for:force:)`` refuses.
        init(path: String, force: Bool) throws(Failure) {
            self.path = path
            self.force = force
            var target = stat()
            if stat(path, &target) == 0, target.st_mode & S_IFMT != S_IFREG, target.st_mode & S_IFMT != S_IFDIR {
                // A device or pipe (/dev/null, /dev/stdout, a FIFO) is written in place: renaming
                // a file over it would replace the device itself.
                descriptor = open(path, O_WRONLY | O_CLOEXEC)
                guard descriptor >= 0 else {
                    throw Failure(description: "\(path): cannot be written: \(reason(errno))")
                }
                temporary = nil
                return
            }
            if let refusal = refusal(for: path, force: force) { throw Failure(description: refusal) }
            if !force && exists(path) {
                throw Failure(description: "\(path): already exists; use --force to overwrite it")
            }
            let url = URL(fileURLWithPath: path)
            let folder = url.deletingLastPathComponent().path
            let name = url.lastPathComponent
            removeStaleTemporaryFiles(of: name, in: folder)
            let temporary = (folder as NSString).appendingPathComponent(temporaryName(of: name, pid: getpid()))
            // O_EXCL: a file or link already at the temporary path is not written through.
            unlink(temporary)
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else {
                let error = errno
                unlink(temporary)
                throw Failure(description: "\(path): cannot be written: \(reason(error))")
            }
            self.temporary = temporary
            var info = stat()
            if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
                // A replaced file keeps its permissions.
                fchmod(descriptor, info.st_mode & 0o777)
            }
        }

        /// Appends `bytes`; after a failed write, later ones are skipped and `commit` fails.
        func write(_ bytes: [UInt8]) {
            guard error == nil else { return }
            if buffer.count + bytes.count > Self.bufferSize { flush() }
            if bytes.count >= Self.bufferSize {
                error = bytes.withUnsafeBytes { writeAll($0, to: descriptor) }
            } else {
                buffer.append(contentsOf: bytes)
            }
        }

        private func flush() {
            guard error == nil, !buffer.isEmpty else { return }
            error = buffer.withUnsafeBytes { writeAll($0, to: descriptor) }
            buffer.removeAll(keepingCapacity: true)
        }

        /// Writes what is buffered, flushes the file and moves it into place; on failure nothing
        /// replaces the target.
        func commit() throws(Failure) {
            flush()
            guard let temporary else {
                if descriptor != STDOUT_FILENO { close(descriptor) }
                if let error { throw Failure(description: "\(path): cannot be written: \(reason(error))") }
                return
            }
            // Flushed before the rename, so a crash cannot leave an empty file in the old one's place.
            let error = error ?? (fsync(descriptor) == 0 ? nil : errno)
            close(descriptor)
            func fail(_ reason: String) -> Failure {
                unlink(temporary)
                return Failure(description: "\(path): cannot be written: \(reason)")
            }
            if let error { throw fail(reason(error)) }
            if force {
                // rename(2) replaces the target in one step; Foundation's replaceItemAt on Linux
                // removes the original first and can lose it when the move then fails.
                guard rename(temporary, path) == 0 else { throw fail(reason(errno)) }
                return
            }
            // link(2) fails when the target exists, so a file that appeared meanwhile is kept.
            if link(temporary, path) == 0 {
                unlink(temporary)
                return
            }
            let linkError = errno
            if linkError == EEXIST {
                unlink(temporary)
                throw Failure(description: "\(path): already exists; use --force to overwrite it")
            }
            // Some file systems have no hard links; the check above has to do.
            guard !exists(path), rename(temporary, path) == 0 else { throw fail(reason(linkError)) }
        }

        /// Closes the file and removes the temporary file: the target stays as it was.
        func discard() {
            guard let temporary else {
                flush()
                if descriptor != STDOUT_FILENO { close(descriptor) }
                return
            }
            close(descriptor)
            unlink(temporary)
        }
    }

    /// `.NAME.PID.tmp`.
    static func temporaryName(of name: String, pid: pid_t) -> String {
        ".\(name).\(pid).tmp"
    }

    /// Removes temporary files of `name` in `folder` left by processes that no longer run.
    static func removeStaleTemporaryFiles(of name: String, in folder: String) {
        let prefix = ".\(name)."
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where entry.hasPrefix(prefix) && entry.hasSuffix(".tmp") {
            let middle = entry.dropFirst(prefix.count).dropLast(".tmp".count)
            guard let pid = pid_t(middle), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                unlink((folder as NSString).appendingPathComponent(entry))
            }
        }
    }

    /// Whether anything, even a dangling link, is at `path`.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Writes the whole buffer; the error number when a write fails.
    static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        guard let base = buffer.baseAddress else { return nil }
        var offset = 0
        while offset < buffer.count {
            let count = Foundation.write(descriptor, base + offset, buffer.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += count
        }
        return nil
    }

    static func reason(_ error: Int32) -> String {
        String(cString: strerror(error))
    }
}

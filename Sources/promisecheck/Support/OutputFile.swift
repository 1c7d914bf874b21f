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
        var target = stat()
        if stat(path, &target) == 0, target.st_mode & S_IFMT != S_IFREG, target.st_mode & S_IFMT != S_IFDIR {
            // A device or pipe (/dev/null, /dev/stdout, a FIFO) is written in place: renaming
            // a file over it would replace the device itself.
            try writeInPlace(text, to: path)
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
        func fail(_ reason: String) -> Failure {
            unlink(temporary)
            return Failure(description: "\(path): cannot be written: \(reason)")
        }
        // O_EXCL: a file or link already at the temporary path is not written through.
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw fail(reason(errno)) }
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
            // A replaced file keeps its permissions.
            fchmod(descriptor, info.st_mode & 0o777)
        }
        // Flushed before the rename, so a crash cannot leave an empty file in the old one's place.
        let error =
            Array(text.utf8).withUnsafeBytes { writeAll($0, to: descriptor) } ?? (fsync(descriptor) == 0 ? nil : errno)
        close(descriptor)
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
    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Writes the whole buffer; the error number when a write fails.
    private static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
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

    private static func reason(_ error: Int32) -> String {
        String(cString: strerror(error))
    }

    /// Writes to a special file as it is.
    private static func writeInPlace(_ text: String, to path: String) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Failure(description: "\(path): cannot be written: \(reason(errno))")
        }
        let error = Array(text.utf8).withUnsafeBytes { writeAll($0, to: descriptor) }
        close(descriptor)
        if let error { throw Failure(description: "\(path): cannot be written: \(reason(error))") }
    }
}

import Foundation
import PromiseCheckYAML

/// Reads files for every loader, turning I/O and YAML errors into located diagnostics.
package enum SourceFile {
    /// The bytes of a file the command line reads for itself (a baseline), with the protections
    /// promise files have: a size limit, no waiting on a pipe, no devices.
    package static func read(_ path: String, maxBytes: Int) -> (bytes: [UInt8]?, diagnostics: [Diagnostic]) {
        let log = DiagnosticLog()
        let bytes = bytes(at: path, log: log, maxBytes: maxBytes)
        return (bytes, log.diagnostics)
    }

    /// The file's bytes, or a diagnostic saying why they could not be read.
    ///
    /// A regular file larger than `maxBytes` is refused by its size, unread; a named pipe is
    /// opened without waiting for a writer (none means end of file: "file is empty"), and
    /// devices and sockets are refused, so no input can block the run.
    static func bytes(at path: String, log: DiagnosticLog, maxBytes: Int) -> [UInt8]? {
        var isRegularFile = false
        return bytes(at: path, log: log, maxBytes: maxBytes, isRegularFile: &isRegularFile)
    }

    /// ``bytes(at:log:maxBytes:)``, and whether the path led to a regular file (once it is opened).
    static func bytes(at path: String, log: DiagnosticLog, maxBytes: Int, isRegularFile: inout Bool) -> [UInt8]? {
        func fail(_ message: String, _ code: String, at location: SourceLocation? = nil) -> [UInt8]? {
            log.error(message, path: path, at: location, code: code)
            return nil
        }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let failure = errno
            switch failure {
            case ENOENT, ENOTDIR: return fail("no such file", "input.not-found")
            case EACCES, EPERM: return fail("cannot be read (permission denied)", "input.unreadable")
            case ELOOP: return fail("cannot be read: symbolic link loop", "input.unreadable")
            default: return fail("cannot be read: \(String(cString: strerror(failure)))", "input.unreadable")
            }
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            return fail("cannot be read: \(String(cString: strerror(errno)))", "input.unreadable")
        }
        // Built only when needed: formatting the limit costs more than reading a small file.
        func tooLarge() -> [UInt8]? {
            fail("file is larger than the \(formatBytes(maxBytes)) limit", "input.too-large", at: .start)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            isRegularFile = true
            if info.st_size > maxBytes { return tooLarge() }
        case S_IFIFO:
            // Reads wait for data again; with no writer they see the end of the file.
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        case S_IFDIR:
            return fail("is a folder, not a file", "input.is-folder")
        default:
            return fail("is not a file (a device or a socket)", "input.unreadable")
        }
        // One byte past the limit tells a file that grew, or a pipe, apart from one at the limit.
        let cap = maxBytes < Int.max ? maxBytes + 1 : maxBytes
        switch readAll(descriptor, sizeHint: Int(info.st_size), cap: cap) {
        case .failure(let failure):
            return fail("cannot be read: \(String(cString: strerror(failure.code)))", "input.unreadable")
        case .success(let bytes):
            if bytes.count > maxBytes { return tooLarge() }
            return bytes
        }
    }

    /// An `errno` value from `read`.
    private struct ReadFailure: Error {
        var code: Int32
    }

    /// Reads until the end of the file or `cap` bytes, whichever comes first.
    ///
    /// Reads into an uninitialized buffer sized for the file's length plus one byte (so the end
    /// of a regular file is seen without growing), doubling it when the file grew or is a pipe;
    /// nothing is zero-filled.
    private static func readAll(_ descriptor: Int32, sizeHint: Int, cap: Int) -> Result<[UInt8], ReadFailure> {
        let initial = min(cap, sizeHint > 0 ? sizeHint + 1 : 64 * 1024)
        var storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(initial, 1), alignment: 1)
        defer { storage.deallocate() }
        var count = 0
        while count < cap {
            if count == storage.count {
                let larger = UnsafeMutableRawBufferPointer.allocate(
                    byteCount: min(cap, storage.count * 2), alignment: 1)
                larger.baseAddress!.copyMemory(from: storage.baseAddress!, byteCount: count)
                storage.deallocate()
                storage = larger
            }
            let wanted = min(storage.count - count, cap - count)
            let read = Foundation.read(descriptor, storage.baseAddress! + count, wanted)
            if read == 0 { break }
            if read < 0 {
                if errno == EINTR { continue }
                return .failure(ReadFailure(code: errno))
            }
            count += read
        }
        return .success(Array(UnsafeRawBufferPointer(rebasing: storage[0..<count])))
    }

    /// Parses a YAML file into a node tree, or logs why it cannot be.
    static func yaml(at path: String, log: DiagnosticLog, limits: YAMLLimits) -> Node? {
        guard let bytes = bytes(at: path, log: log, maxBytes: limits.maxInputBytes) else { return nil }
        return yaml(bytes, path: path, log: log, limits: limits)
    }

    static func yaml(_ bytes: [UInt8], path: String, log: DiagnosticLog, limits: YAMLLimits) -> Node? {
        do {
            return try YAMLParser.parse(bytes, limits: limits)
        } catch {
            log.append(diagnostic(for: error, path: path))
            return nil
        }
    }

    static func diagnostic(for error: YAMLError, path: String) -> Diagnostic {
        Diagnostic(
            .error, error.message, path: path, location: error.mark.map(SourceLocation.init) ?? .start,
            code: "yaml.\(code(for: error.kind))", snippet: error.snippet)
    }

    private static func code(for kind: YAMLError.Kind) -> String {
        switch kind {
        case .syntax: "syntax"
        case .duplicateKey: "duplicate-key"
        case .tooDeep: "too-deep"
        case .tooManyNodes: "too-many-nodes"
        case .tooLarge: "too-large"
        case .notUTF8: "not-utf8"
        case .tabIndentation: "tab-indentation"
        case .multipleDocuments: "multiple-documents"
        case .empty: "empty"
        case .binary: "binary"
        case .undefinedAlias: "undefined-alias"
        }
    }

    static func formatBytes(_ count: Int) -> String {
        count >= 1 << 20
            ? String(format: "%.1f MB", Double(count) / Double(1 << 20))
            : String(format: "%.1f KB", Double(count) / 1024)
    }
}

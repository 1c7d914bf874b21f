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
        let tooLarge = "file is larger than the \(formatBytes(maxBytes)) limit"
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            if info.st_size > maxBytes { return fail(tooLarge, "input.too-large", at: .start) }
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
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(0, min(Int(info.st_size), cap)))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count < cap {
            let wanted = min(chunk.count, cap - bytes.count)
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, wanted) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                return fail("cannot be read: \(String(cString: strerror(errno)))", "input.unreadable")
            }
            bytes += chunk[0..<count]
        }
        if bytes.count > maxBytes { return fail(tooLarge, "input.too-large", at: .start) }
        return bytes
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

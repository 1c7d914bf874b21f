import Foundation
import PromiseCheckYAML

/// Reads files for every loader, turning I/O and YAML errors into located diagnostics.
enum SourceFile {
    /// The file's bytes, or a diagnostic saying why they could not be read.
    static func bytes(at path: String, log: DiagnosticLog, maxBytes: Int) -> [UInt8]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            log.error("no such file", path: path, at: nil, code: "input.not-found")
            return nil
        }
        if isDirectory.boolValue {
            log.error("is a folder, not a file", path: path, at: nil, code: "input.is-folder")
            return nil
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            log.error("cannot be read (permission denied?)", path: path, at: nil, code: "input.unreadable")
            return nil
        }
        defer { try? handle.close() }
        do {
            // Read one byte past the limit so a too-large file is detected without reading all of it.
            let data = try handle.read(upToCount: maxBytes + 1) ?? Data()
            if data.count > maxBytes {
                log.error(
                    "file is larger than the \(formatBytes(maxBytes)) limit", path: path, at: .start,
                    code: "input.too-large")
                return nil
            }
            return [UInt8](data)
        } catch {
            log.error("cannot be read: \(error.localizedDescription)", path: path, at: nil, code: "input.unreadable")
            return nil
        }
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

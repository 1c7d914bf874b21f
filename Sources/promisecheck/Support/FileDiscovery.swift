import Foundation
import PromiseCheck

/// Expands the paths on the command line into the promise files to check.
///
/// A file named on the command line is always checked. In a folder, searched recursively in
/// name order, files ending in `.yaml` or `.yml` that have a top-level `promise:` line are
/// checked; hidden files and folders (`.git`, `.build`) are skipped, and so are symbolic
/// links to folders, so a link loop cannot trap the walk.
struct FileDiscovery {
    static let extensions = ["yaml", "yml"]

    struct Result {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
    }

    static func discover(_ paths: [String]) -> Result {
        var result = Result()
        var seen: Set<String> = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                result.diagnostics.append(
                    Diagnostic(.error, "no such file or folder", path: path, code: "input.not-found"))
                continue
            }
            if isDirectory.boolValue {
                for file in walk(path) where seen.insert(file).inserted { result.files.append(file) }
            } else if seen.insert(path).inserted {
                result.files.append(path)
            }
        }
        return result
    }

    private static func walk(_ folder: String) -> [String] {
        let fileManager = FileManager.default
        guard let names = try? fileManager.contentsOfDirectory(atPath: folder) else { return [] }
        var files: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            let attributes = try? fileManager.attributesOfItem(atPath: path)
            let type = attributes?[.type] as? FileAttributeType
            if type == .typeDirectory {
                files += walk(path)
            } else if type == .typeRegular || type == .typeSymbolicLink {
                var isDirectory: ObjCBool = false
                if type == .typeSymbolicLink,
                    !fileManager.fileExists(atPath: path, isDirectory: &isDirectory) || isDirectory.boolValue
                {
                    continue
                }
                if extensions.contains((name as NSString).pathExtension.lowercased()), isPromiseFile(path) {
                    files.append(path)
                }
            }
        }
        return files
    }

    /// Whether a YAML file declares itself a promise with a top-level `promise:` key.
    static func isPromiseFile(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return true }
        defer { try? handle.close() }
        let data: Data
        do {
            // nil means end of file: an empty file is no promise.
            guard let read = try handle.read(upToCount: 64 * 1024) else { return false }
            data = read
        } catch {
            return true
        }
        let text = String(decoding: data, as: UTF8.self)
        return text.split(whereSeparator: \.isNewline).contains { line in
            line.hasPrefix("promise:") || line.hasPrefix("\u{FEFF}promise:")
        }
    }
}

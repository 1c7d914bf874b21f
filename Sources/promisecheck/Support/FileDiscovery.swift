import Foundation
import PromiseCheck

/// Expands the paths on the command line into the promise files to check.
///
/// A file named on the command line is always checked. In a folder, searched recursively in
/// name order, these are checked: `.yaml`/`.yml` files that have a top-level `promise:` line,
/// published text (`.txt`) and Markdown drafts (`.md`, `.markdown`), except a folder's own
/// documentation (README, CHANGELOG, CONTRIBUTING, LICENSE). Hidden files and folders (`.git`,
/// `.build`) are skipped, and so are symbolic links to folders, so a link loop cannot trap
/// the walk.
struct FileDiscovery {
    static let yamlExtensions = ["yaml", "yml"]
    static let textExtensions = ["txt", "md", "markdown"]
    /// File names (without extension, any case) of documentation that sits beside promises.
    static let documentationNames: Set<String> = ["readme", "changelog", "contributing", "license", "code_of_conduct"]

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
                if isCandidate(name: name, path: path) { files.append(path) }
            }
        }
        return files
    }

    /// Whether a file found in a folder is a promise to check.
    static func isCandidate(name: String, path: String) -> Bool {
        let pathExtension = (name as NSString).pathExtension.lowercased()
        if yamlExtensions.contains(pathExtension) { return isPromiseFile(path) }
        guard textExtensions.contains(pathExtension) else { return false }
        let stem = (name as NSString).deletingPathExtension.lowercased()
        return !documentationNames.contains(stem)
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

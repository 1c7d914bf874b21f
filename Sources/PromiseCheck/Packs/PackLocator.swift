import Foundation

/// Finds packs by name or path.
///
/// A reference containing `/`, ending in `.yaml`/`.yml`, or naming an existing folder is a
/// path: to a pack folder (holding `pack.yaml`) or to the pack file itself. Anything else is a
/// name, looked up as `NAME/pack.yaml` in each search folder in order.
public struct PackLocator: Sendable {
    /// Folders that hold pack folders, searched in order.
    public var searchPaths: [String]

    public init(searchPaths: [String]) {
        self.searchPaths = searchPaths
    }

    public enum Resolution: Sendable, Equatable {
        case found(String)
        /// Not found; the places that were looked at, for the message.
        case notFound([String])
    }

    /// Resolves `reference`; a relative path, and a name before the search paths, are tried
    /// in `directory` first (the extending pack's folder, or the working directory).
    public func resolve(_ reference: String, relativeTo directory: String?) -> Resolution {
        let fileManager = FileManager.default
        if Self.isPath(reference) {
            let absolute =
                reference.hasPrefix("/")
                ? URL(fileURLWithPath: reference).standardizedFileURL.path
                : URL(fileURLWithPath: directory ?? fileManager.currentDirectoryPath)
                    .appendingPathComponent(reference).standardizedFileURL.path
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
                return .notFound([absolute])
            }
            let file = isDirectory.boolValue ? absolute + "/pack.yaml" : absolute
            return fileManager.fileExists(atPath: file) ? .found(Self.displayPath(file)) : .notFound([file])
        }
        var looked: [String] = []
        let parents =
            (directory.map { [URL(fileURLWithPath: $0).deletingLastPathComponent().path] } ?? []) + searchPaths
        for folder in parents {
            let file = URL(fileURLWithPath: folder).appendingPathComponent(reference).appendingPathComponent(
                "pack.yaml"
            )
            .standardizedFileURL.path
            guard !looked.contains(file) else { continue }
            looked.append(file)
            if fileManager.fileExists(atPath: file) { return .found(Self.displayPath(file)) }
        }
        return .notFound(looked)
    }

    /// A path under the working folder relative to it, so messages show what the user typed.
    static func displayPath(_ absolute: String) -> String {
        let base = FileManager.default.currentDirectoryPath
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
    }

    static func isPath(_ reference: String) -> Bool {
        reference.contains("/") || reference.hasSuffix(".yaml") || reference.hasSuffix(".yml") || reference == "."
            || reference == ".."
    }

    /// The default search folders for an executable at `executablePath`: the `PROMISECHECK_RULES`
    /// folders (colon-separated), `Rules/` beside the executable, `../share/promisecheck/Rules`,
    /// then the first `Rules/` found walking up from the executable (a source checkout's
    /// `.build/debug/promisecheck` finds the checkout's `Rules/`).
    public static func defaultSearchPaths(executablePath: String?, environment: [String: String]) -> [String] {
        var paths: [String] = []
        if let custom = environment["PROMISECHECK_RULES"] {
            paths += custom.split(separator: ":").map(String.init).filter { !$0.isEmpty }
        }
        guard let executablePath else { return paths }
        let binaryFolder = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        paths.append(binaryFolder.appendingPathComponent("Rules").path)
        paths.append(binaryFolder.appendingPathComponent("../share/promisecheck/Rules").standardizedFileURL.path)
        var folder = binaryFolder
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("Rules")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue
            {
                if !paths.contains(candidate.path) { paths.append(candidate.path) }
                break
            }
            folder = folder.deletingLastPathComponent()
        }
        return paths
    }
}

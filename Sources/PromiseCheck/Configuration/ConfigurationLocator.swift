import Foundation

/// Finds the `.promisecheck.yaml` that applies to a file: in its folder or the nearest folder
/// above it, up to the filesystem root. Folders already searched are remembered.
public struct ConfigurationLocator: Sendable {
    private var cache: [String: String?] = [:]

    public init() {}

    /// The configuration file for `path`: a file, or a folder (whose own configuration counts).
    /// A file under the working folder is named relative to it.
    public mutating func nearest(to path: String) -> String? {
        let absolute = Configuration.absolute(path)
        var isDirectory: ObjCBool = false
        let isFolder =
            FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) && isDirectory.boolValue
        return nearest(inOrAbove: isFolder ? absolute : PathNames.deletingLastComponent(of: absolute))
    }

    private mutating func nearest(inOrAbove folder: String) -> String? {
        if let cached = cache[folder] { return cached }
        let candidate = (folder.hasSuffix("/") ? folder : folder + "/") + Configuration.fileName
        var isDirectory: ObjCBool = false
        let result: String?
        if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
            result = PackLocator.displayPath(candidate)
        } else if folder == "/" || folder.isEmpty {
            result = nil
        } else {
            result = nearest(inOrAbove: PathNames.deletingLastComponent(of: folder))
        }
        cache[folder] = result
        return result
    }
}

/// The parts of a file path, read from its text as `NSString`'s path methods read them, with `/`
/// as the only separator, and without `NSString`.
///
/// swift-corelibs-foundation's `NSString` path methods trap on some paths a user can give:
/// `lastPathComponent` and `pathExtension` on `dir//é`, `deletingLastPathComponent` on any one
/// name without a dot (`notes`, `é`). These work on the path's UTF-8 (`/` and `.` are ASCII, so
/// they never occur inside a multi-byte character) and cannot trap.
public enum PathNames {
    private static let slash = UInt8(ascii: "/")
    private static let dot = UInt8(ascii: ".")

    /// Where the last component of `bytes` is, trailing slashes left out; nil for a path of
    /// slashes only (the root).
    private static func lastComponentBounds(_ bytes: [UInt8]) -> Range<Int>? {
        var end = bytes.count
        while end > 1, bytes[end - 1] == slash { end -= 1 }
        if end == 1, bytes[0] == slash { return nil }
        var start = end
        while start > 0, bytes[start - 1] != slash { start -= 1 }
        return start..<end
    }

    /// The last component: `b` of `a/b` and `a/b/`, `a` of `a`, `/` of `/`, empty for an empty path.
    public static func lastComponent(of path: String) -> String {
        let bytes = Array(path.utf8)
        guard let bounds = lastComponentBounds(bytes) else { return "/" }
        return String(decoding: bytes[bounds], as: UTF8.self)
    }

    /// The path without its last component and the slashes before it: `a` of `a/b` and `a//b/`,
    /// `/` of `/a` and `/`, empty for a path of one component (`a`, `.`) or none.
    public static func deletingLastComponent(of path: String) -> String {
        let bytes = Array(path.utf8)
        guard let bounds = lastComponentBounds(bytes) else { return "/" }
        // The slashes before the last component go with it, all but the root's.
        var kept = bounds.lowerBound
        guard kept > 0 else { return "" }
        while kept > 0, bytes[kept - 1] == slash { kept -= 1 }
        return kept == 0 ? "/" : String(decoding: bytes[0..<kept], as: UTF8.self)
    }

    /// Where the extension's dot is in `name` (a last component), or nil: the last dot, unless it
    /// starts the name (`.yaml` has none, `.promisecheck.yaml` has `yaml`) or the name is `..`.
    private static func extensionDot(in name: ArraySlice<UInt8>) -> Int? {
        guard let dot = name.lastIndex(of: Self.dot), dot > name.startIndex, !name.elementsEqual([Self.dot, Self.dot])
        else {
            return nil
        }
        return dot
    }

    /// The extension of the last component, without its dot: `yaml` of `a/b.yaml` and
    /// `.promisecheck.yaml`, empty for `a`, `.yaml` and `a.`.
    public static func pathExtension(of path: String) -> String {
        let name = Array(lastComponent(of: path).utf8)[...]
        guard let dot = extensionDot(in: name) else { return "" }
        return String(decoding: name[(dot + 1)...], as: UTF8.self)
    }

    /// A file name without its extension and the dot before it: `promise` of `promise.yaml`,
    /// `a` of `a.`, `.yaml` of `.yaml`.
    public static func deletingPathExtension(ofName name: String) -> String {
        let bytes = Array(name.utf8)[...]
        guard let dot = extensionDot(in: bytes) else { return name }
        return String(decoding: bytes[..<dot], as: UTF8.self)
    }
}

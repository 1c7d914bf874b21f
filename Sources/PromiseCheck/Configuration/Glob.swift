/// A path pattern of a configuration's `include` and `exclude`, matched against paths relative
/// to the configuration's folder, with `/` between folders.
///
/// `*` matches any run of characters within one folder or file name, `?` one character, and a
/// `**` segment any number of folders, none included (`**/*.txt` matches `a.txt` and
/// `x/y/a.txt`). Every other character matches itself. A pattern that matches a folder also
/// matches everything in it (`drafts` is `drafts/**`). A leading `./` is ignored.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    private let segments: [[Character]]

    public init(_ pattern: String) {
        self.pattern = pattern
        var text = Substring(pattern)
        while text.hasPrefix("./") { text = text.dropFirst(2) }
        segments = text.split(separator: "/", omittingEmptySubsequences: true).map { Array($0) }
    }

    public var description: String { pattern }

    /// Whether `path` (relative, `/`-separated) or a folder it is in matches.
    public func matches(_ path: String) -> Bool {
        guard !segments.isEmpty else { return false }
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map { Array($0) }
        return Self.match(segments[...], parts[...], allowTail: true)
    }

    /// Matches segment lists; with `allowTail`, path segments left over after the whole pattern
    /// matched are the contents of a matched folder.
    private static func match(
        _ pattern: ArraySlice<[Character]>, _ path: ArraySlice<[Character]>, allowTail: Bool
    ) -> Bool {
        guard let first = pattern.first else { return path.isEmpty || allowTail }
        if first == ["*", "*"] {
            let rest = pattern.dropFirst()
            var remaining = path
            while true {
                if match(rest, remaining, allowTail: allowTail) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let name = path.first, matchName(first[...], name[...]) else { return false }
        return match(pattern.dropFirst(), path.dropFirst(), allowTail: allowTail)
    }

    /// `*` and `?` within one name; iterative, backtracking only to the last `*`.
    static func matchName(_ pattern: ArraySlice<Character>, _ name: ArraySlice<Character>) -> Bool {
        var p = pattern.startIndex
        var n = name.startIndex
        var star: (pattern: Int, name: Int)?
        while n < name.endIndex {
            if p < pattern.endIndex, pattern[p] == "?" || pattern[p] == name[n] {
                p += 1
                n += 1
            } else if p < pattern.endIndex, pattern[p] == "*" {
                star = (p, n)
                p += 1
            } else if let last = star {
                p = last.pattern + 1
                n = last.name + 1
                star = (last.pattern, last.name + 1)
            } else {
                return false
            }
        }
        while p < pattern.endIndex, pattern[p] == "*" { p += 1 }
        return p == pattern.endIndex
    }
}

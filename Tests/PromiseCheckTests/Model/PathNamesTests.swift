import Foundation
import Testing

@testable import PromiseCheck

/// `PathNames` reads paths as `NSString`'s path methods do, without trapping where they trap.
@Suite("path names without NSString")
struct PathNamesTests {
    /// `NSString`'s answers, the reference, for paths it does not trap on.
    static func byNSString(_ path: String) -> [String] {
        let string = path as NSString
        return [string.lastPathComponent, string.deletingLastPathComponent, string.pathExtension]
    }

    static func byPathNames(_ path: String) -> [String] {
        [
            PathNames.lastComponent(of: path), PathNames.deletingLastComponent(of: path),
            PathNames.pathExtension(of: path),
        ]
    }

    /// Whether `NSString` answers `path` without trapping (swift-corelibs-foundation traps on a
    /// `//` before non-ASCII text, and takes the last component of one name without a dot badly).
    static func nsStringAnswers(_ path: String) -> Bool {
        let trimmed = path.reversed().drop { $0 == "/" }
        return !path.contains("//") && trimmed.contains("/") && !trimmed.allSatisfy { $0 == "/" }
    }

    @Test("random paths get NSString's answers where it gives them")
    func random() {
        var generator = SystemRandomNumberGenerator()
        let pieces = [
            "a", "Z", "0", ".", "..", " ", "/", "//", "dir/", "yaml", "txt", "å", "e\u{301}", "\u{0130}", "~",
        ]
        var compared = 0
        for _ in 0..<20_000 {
            var path = ""
            for _ in 0..<Int.random(in: 0...7, using: &generator) { path += pieces.randomElement(using: &generator)! }
            guard Self.nsStringAnswers(path) else { continue }
            #expect(Self.byPathNames(path) == Self.byNSString(path), "\(path)")
            compared += 1
        }
        #expect(compared > 2_000)
    }

    @Test(
        "paths of every shape",
        arguments: [
            // path, last component, without it, extension
            ("", "", "", ""), ("/", "/", "/", ""), ("a", "a", "", ""), ("a/", "a", "", ""), ("/a", "a", "/", ""),
            ("//a", "a", "/", ""), ("a/b", "b", "a", ""), ("a//b/", "b", "a", ""), ("a/b//c", "c", "a/b", ""),
            (".", ".", "", ""), ("./a.yaml", "a.yaml", ".", "yaml"), (".yaml", ".yaml", "", ""),
            (".promisecheck.yaml", ".promisecheck.yaml", "", "yaml"), ("a.", "a.", "", ""),
            ("x.yaml/", "x.yaml", "", "yaml"), ("a..b", "a..b", "", "b"),
            // NSString traps on these.
            ("dir//é", "é", "dir", ""), ("é", "é", "", ""), ("notes", "notes", "", ""),
            ("a//é.txt", "é.txt", "a", "txt"),
            ("/tmp/ä//\u{0130}", "\u{0130}", "/tmp/ä", ""),
        ])
    func shapes(path: String, last: String, folder: String, pathExtension: String) {
        #expect(Self.byPathNames(path) == [last, folder, pathExtension])
    }

    @Test(
        "a name without its extension",
        arguments: [
            ("promise.yaml", "promise"), ("a.", "a"), (".yaml", ".yaml"), ("..yaml", "."), ("a.b.c", "a.b"),
            ("noext", "noext"), ("é.yml", "é"), ("..", ".."), ("...", ".."),
        ])
    func stem(name: String, stem: String) {
        #expect(PathNames.deletingPathExtension(ofName: name) == stem)
    }
}

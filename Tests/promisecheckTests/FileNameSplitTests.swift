import Foundation
import Testing

@testable import promisecheck

/// `FileDiscovery.split` answers as `NSString` does, with or without its fast path (`splitByPathNames`).
@Suite("file names split into stem and extension")
struct FileNameSplitTests {
    /// Names from a folder listing: no `/` (`NSString` traps on some names with slashes).
    @Test("random names get NSString's answers")
    func random() {
        var generator = SystemRandomNumberGenerator()
        let pieces = [
            "a", "Z", "0", "-", "_", ".", "..", " ", "yaml", "YML", "txt", "md", "Markdown", "README", "å", "e\u{301}",
            "~",
        ]
        for _ in 0..<20_000 {
            var name = ""
            for _ in 0..<Int.random(in: 0...6, using: &generator) { name += pieces.randomElement(using: &generator)! }
            let fast = FileDiscovery.split(name)
            let reference = Self.splitByNSString(name)
            let byPathNames = FileDiscovery.splitByPathNames(name)
            #expect(fast.stem == reference.stem && fast.pathExtension == reference.pathExtension, "\(name)")
            #expect(
                byPathNames.stem == reference.stem && byPathNames.pathExtension == reference.pathExtension, "\(name)")
        }
    }

    @Test(
        "typical names take the fast path to the same answer",
        arguments: ["ekby.yaml", "Ekby-2025.YML", "README.md", "a.b", "x_1.txt", ".yaml", "yaml.", "a.b.yaml", "noext"])
    func typical(name: String) {
        let fast = FileDiscovery.split(name)
        let reference = Self.splitByNSString(name)
        #expect(fast.stem == reference.stem && fast.pathExtension == reference.pathExtension)
    }

    /// What `FileDiscovery` used before ``PathNames``: the reference, on names it does not trap on.
    static func splitByNSString(_ name: String) -> (stem: String, pathExtension: String) {
        ((name as NSString).deletingPathExtension.lowercased(), (name as NSString).pathExtension.lowercased())
    }
}

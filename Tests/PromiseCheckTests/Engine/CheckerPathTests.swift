import Foundation
import Testing

@testable import PromiseCheck

/// `Checker.isYAML(path:)` answers as `NSString`'s extension did, on the paths it does not trap on.
@Suite("YAML paths told by their extension")
struct CheckerPathTests {
    /// Paths as the command line and the folder walk give them: relative or absolute, any name.
    @Test("random paths get NSString's answers")
    func random() {
        var generator = SystemRandomNumberGenerator()
        let pieces = [
            "a", "Z", "0", "-", "_", ".", "..", " ", "/", "dir/", "yaml", "YAML", "Yml", "yml", "yamlx", "txt", "md",
            "å", "e\u{301}", "~", "\u{0130}",
        ]
        var yamlCount = 0
        for _ in 0..<20_000 {
            var path = ""
            for _ in 0..<Int.random(in: 0...6, using: &generator) { path += pieces.randomElement(using: &generator)! }
            // `NSString` traps on a path with `//` and a non-ASCII character (swift-corelibs-foundation).
            if path.contains("//") { continue }
            let isYAML = Checker.isYAML(path: path)
            #expect(isYAML == Checker.yamlExtensions.contains((path as NSString).pathExtension.lowercased()), "\(path)")
            if isYAML { yamlCount += 1 }
        }
        // The paths are varied enough to reach both answers.
        #expect(yamlCount > 100)
    }

    @Test(
        "the names promise files have, and paths NSString traps on",
        arguments: [
            ("promises/p00000.yaml", true), ("/tmp/sub/yaml/P1.YML", true), ("a.Yaml", true), ("x/a.yml/", true),
            ("a.yaml.txt", false), ("a.txt", false), (".yaml", false), ("dir.yaml/a", false), ("a.yamlx", false),
            ("a-b_c.yml", true), ("a b.yaml", true), ("år.yaml", true), ("dir//é", false), ("dir//é.yaml", true),
            ("//\u{0130}.yml", true),
        ])
    func names(path: String, isYAML: Bool) {
        #expect(Checker.isYAML(path: path) == isYAML)
    }
}

import Foundation
import Testing

@testable import PromiseCheck

/// Every pattern the conservative syntax check accepts compiles, so a pack's patterns can wait
/// until they are used without losing a diagnostic.
@Suite struct RegexSyntaxTests {
    private static func compiles(_ pattern: String) -> Bool {
        (try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])) != nil
    }

    /// Pieces that random patterns are made of: the grammar's own and its near misses.
    private static let pieces = [
        "a", "Z", "7", "å", "–", " ", ":", ",", "-", ".", "^", "$", "|", "?", "*", "+", "*?", "+?", "{2}", "{1,3}",
        "{3,1}", "{2,}", "{,2}", "{", "}", "(", ")", "(?:", "(?=", "(?!", "(?<=", "(?<!", "(?<area>", "(?<x1>",
        "(?<1x>", "(?i)", "(?-i)", "(?x)", "(?", "[", "]", "[^", "a-z", "z-a", "\\", "\\s", "\\d", "\\w", "\\b", "\\B",
        "\\p{L}", "\\p{Lu}", "\\P{L}", "\\p{Foo}", "\\p{", "\\.", "\\-", "\\q", "\\1", "[:", ":]", "[:alpha:]", "&&",
        "#", "{a}", "\u{301}", "\u{85}", "\u{0}", "\n",
    ]

    @Test func randomPatternsItAcceptsCompile() {
        var generator = SystemRandomNumberGenerator()
        var accepted = 0
        for _ in 0..<100_000 {
            let length = Int.random(in: 1...8, using: &generator)
            let pattern = (0..<length).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            guard RegexSyntax.surelyCompiles(pattern) else { continue }
            accepted += 1
            #expect(Self.compiles(pattern), "accepted '\(pattern)', which does not compile")
        }
        #expect(accepted > 5_000, "too few random patterns accepted to test anything: \(accepted)")
    }

    @Test(arguments: [
        "(", ")", "a**", "a{3,2}", "*a", "[]", "[b-a]", "(?<a>x)(?<a>y)", "\\p{Foo}", "[[:foo:]]", "a|", "(?<1>x)",
        "x{", "\\",
    ])
    func rejectsPatternsThatDoNotCompile(pattern: String) {
        #expect(!RegexSyntax.surelyCompiles(pattern))
    }

    @Test func acceptsTheShippedPacksPatterns() throws {
        for name in ShippedPackTests.packNames {
            let pack = try #require(ShippedPackTests.load(name).pack)
            let patterns =
                pack.sections.flatMap(\.patterns) + pack.reading.titleArea + pack.reading.bodyArea
                + pack.reading.unsigned
            #expect(!patterns.isEmpty)
            for pattern in patterns {
                #expect(RegexSyntax.surelyCompiles(pattern.source), "\(name): '\(pattern.source)' is compiled at load")
            }
        }
    }

    @Test(arguments: [
        "^inledning:?$", "^fokusområde \\d+\\s*[:.–-].*$", "(?-i)\\b(?<area>\\p{Lu}[\\p{L}-]+?)s?\\b", "([",
    ])
    func packPatternCompilesAsBefore(source: String) throws {
        let expected = try? NSRegularExpression(pattern: source, options: [.caseInsensitive])
        let pattern = PackPattern(source)
        #expect((pattern == nil) == (expected == nil))
        if let pattern, let expected {
            #expect(pattern.regex.pattern == expected.pattern)
            #expect(pattern.regex.options == expected.options)
            #expect(pattern.regex === pattern.regex, "compiled once")
        }
    }
}

import Foundation
import Testing

@testable import PromiseCheck

/// The literal start of heading patterns, and that skipping patterns by it never changes the
/// role a heading gets.
@Suite struct HeadingPrefixTests {
    @Test(arguments: [
        ("^uppföljning:?$", "uppf"),
        ("^Syfte(t)?:?$", "syfte"),
        ("^det här ska (vi|[^.]{1,60}) göra", "det h"),
        ("^effekte?r?:?$", "effekt"),
        ("^ab*c", "a"),
        ("^ab{0,2}", "a"),
        ("^ab+", "ab"),
        ("^vi lovar:?$", "vi lovar"),
        ("^fokusområde \\d+\\s*[:.–-].*$", "fokusomr"),
        ("^a[(|]b", "a"),
        ("^a\\|b", "a"),
        ("^a\\Q|\\Eb", "a"),
        ("^abc(?i)d", "abc"),
    ])
    func literalStart(pattern: String, prefix: String) {
        #expect(HeadingPrefix(pattern: pattern)?.bytes == Array(prefix.utf8))
    }

    @Test(arguments: [
        "uppföljning", "(?i)^abc", "^(våra )?åtaganden", "^a?", "^ab|cd", "^a(b)|c", "^abc(?x) | d", "^abc(?#|)",
        "^a[]|]", "^a[^]|]", "^a\\Q|", "^ä", "^ab)|(c", "\\^abc",
    ])
    func noLiteralStart(pattern: String) {
        #expect(HeadingPrefix(pattern: pattern) == nil)
    }

    @Test func comparesASCIICaseInsensitivelyAndStopsAtOtherScalars() throws {
        let prefix = try #require(HeadingPrefix(pattern: "^syfte"))
        #expect(prefix.mayStart("Syfte"))
        #expect(prefix.mayStart("SYFTET med löftet"))
        #expect(!prefix.mayStart("Syft"))
        #expect(!prefix.mayStart("Bakgrund"))
        #expect(!prefix.mayStart("syfta"))
        // U+017F LATIN SMALL LETTER LONG S matches "s" case-insensitively.
        #expect(prefix.mayStart("\u{17F}yfte"))
        #expect(prefix.mayStart("Sy\u{301}fte"))
    }

    // MARK: The property

    /// A seeded xorshift generator, so a failure names a case that can be rerun.
    private struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
    }

    /// Words of the shipped headings and near misses, with case variants and scalars that match
    /// ASCII letters case-insensitively (`ſ`, Kelvin `K`, `ß`, `ﬀ`), decomposed letters and
    /// emphasis markers.
    private static let words = [
        "Uppföljning", "uppfoljning", "UPPFÖLJNING", "och", "återkoppling", "kommunikation", "Syfte", "syftet",
        "\u{17F}yfte", "Bakgrund", "bakgrunden", "Lägesbild", "la\u{308}gesbild", "lägesbilden", "Nuläget",
        "Det", "här", "ska", "vi", "göra", "tillsammans", "Polisen", "kommunen", "kommer", "att", "lovar",
        "Medborgarlöfte", "medborgarlöften", "2025", "2025–2026", "2025-26", "Fokusområde", "1:", "Trafik",
        "Effekter", "effekt", "Förväntad", "Insatser", "våra", "Åtaganden", "\u{212A}ommunen", "stra\u{DF}e",
        "e\u{FB00}ekter", "Revidering", "revision", "Utvärdering", "Prioriterade", "områden", "Inledning", "**",
        "_", ":", "–", "Underskrifter", "Ort", "datum", "Vi", "uppfyller", "löftet", "genom", "x", "Ä", "İnledning",
    ]

    /// A profile of the shipped pack's section patterns and patterns that take every branch of
    /// the prefix extraction.
    private static func profile() throws -> TextReadingProfile {
        let loaded = PackLoader(locator: PackLocator(searchPaths: [PublishedPromiseTests.rulesDirectory]))
            .load("medborgarlofte")
        let pack = try #require(loaded.pack, "\(loaded.diagnostics)")
        var profile = TextReadingProfile(pack: pack)
        let extra = [
            "^ka?ommunen$", "^effekter|^trafik", "^revid(?:ering)*$", "^vi [a-z]+ att$", "^ort\\Q och\\E datum$",
            "^str[aä]sse$", "^S(?-i)yfte$", "^inledning:?$",
        ]
        let regexes = try extra.map { try NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }
        profile.sectionPatterns.append((role: "extra", regexes: regexes))
        return profile
    }

    @Test func skippingByPrefixNeverChangesAHeadingsRole() throws {
        let profile = try Self.profile()
        var generator = Seeded(state: 0x5EED_0F_4EAD)
        var matched = 0
        for round in 0..<6000 {
            let count = Int.random(in: 1...5, using: &generator)
            var heading = (0..<count).map { _ in Self.words.randomElement(using: &generator)! }
                .joined(separator: [" ", "  ", "\t", " "].randomElement(using: &generator)!)
            if Bool.random(using: &generator) { heading = heading.uppercased() }
            if Int.random(in: 0..<4, using: &generator) == 0 { heading += ":" }
            let deadline = RegexDeadline(after: .seconds(10))
            let filtered = profile.role(ofHeading: heading, before: deadline)
            let reference = profile.role(ofHeading: heading, before: deadline, usesPrefixes: false)
            #expect(filtered == reference, "round \(round): '\(heading)'")
            if reference != nil { matched += 1 }
        }
        // The generated headings must exercise matching, not only misses.
        #expect(matched > 300)
    }
}

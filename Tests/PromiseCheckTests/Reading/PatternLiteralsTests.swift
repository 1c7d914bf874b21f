import Foundation
import Testing

@testable import PromiseCheck

/// The letters pack patterns' matches must start with or contain, and that skipping patterns by
/// them never changes what a heading, a title or a paragraph is found to be.
@Suite struct PatternLiteralsTests {
    @Test(arguments: [
        ("^uppföljning:?$", "uppf", "ljning"),
        ("^Syfte(t)?:?$", "syfte", "syfte"),
        ("^det här ska (vi|[^.]{1,60}) göra", "det h", "r ska "),
        ("^effekte?r?:?$", "effekt", "effekt"),
        ("^ab*c", "a", "a"),
        ("^ab{0,2}cd", "a", "cd"),
        ("^ab+", "ab", "ab"),
        ("^vi lovar:?$", "vi lovar", "vi lovar"),
        ("^fokusområde \\d+\\s*[:.–-].*$", "fokusomr", "fokusomr"),
        ("^a[(|]b", "a", "a"),
        ("^a\\|b", "a", "a"),
        ("^a\\Q|\\Eb", "a", "a"),
        ("^abc(?i)d", "abc", "abc"),
        ("^(våra )?åtaganden", "", "taganden"),
        ("(?-i)\\b(?<area>\\p{Lu}[\\p{L}-]+?)s?\\s+[Kk]ommuns?\\b", "", "ommun"),
        ("^(?:[^,]*,\\s*)?(?<area>[^,–-]+?)\\s*[–-]\\s*medborgarlöften?\\b", "", "medborgarl"),
        ("\\p{L}{2,3}xyz", "", "xyz"),
        ("ab\\x{41}cde", "", "cde"),
        ("a.bc\\.de", "", "bc"),
    ])
    func literals(pattern: String, prefix: String, required: String) throws {
        let literals = try #require(PatternLiterals(pattern: pattern))
        #expect(literals.prefix == Array(prefix.utf8))
        #expect(literals.required == Array(required.utf8))
    }

    @Test(arguments: [
        "^ab|cd", "^a(b)|c", "^abc(?x) | d", "^abc(?#|)", "^a[]|]", "^a[^]|]", "^a\\Q|", "^ab)|(c", "abc\\k<area>",
        "abc\\x41", "abc\\u00e5", "abc\\1", "ab{2", "(?=a)b?", "^\\S+", "^(a|\\S)",
    ])
    func noLiterals(pattern: String) {
        #expect(PatternLiterals(pattern: pattern) == nil)
    }

    /// A pattern without required letters whose pieces the matcher reads is tried whole.
    @Test(arguments: ["(?i)ä", "^(våra )?ä", "^a?", "^ä", "\\p{L}+", "^(ort|datum)\\s*:?\\s*[._ ]*$"])
    func wholePatternsWithoutLetters(pattern: String) throws {
        let literals = try #require(PatternLiterals(pattern: pattern))
        #expect(literals.prefix.isEmpty && literals.required.isEmpty)
        #expect(literals.context != nil)
    }

    /// `^` tells the line breaks outside ASCII from other scalars; a piece meeting a scalar
    /// outside ASCII still gives up ("Åsa ort", and `\s` in "ort Åsa").
    @Test(arguments: [
        ("Ort:", true), ("datum ___", true), ("  Datum .....", false), ("Mikael Ek", false),
        ("Lokalpolisområdeschef", false), ("ort Åsa", true), ("Åsa ort", true), ("Ortens datum", false),
        ("x\u{85}ort", true), ("x\u{2028}datum", true), ("x\u{2029}Ort:", true), ("x\u{2005}ort", false),
        ("kå\u{85}ort _", true), ("ort\u{85}x", true), ("ort\u{2003}", true), ("ort\r\nx", true), ("Ort \u{17F}", true),
    ])
    func wholePatternRulesOutTextItCannotStartIn(text: String, mayMatch: Bool) throws {
        try Self.expectMayMatch("^(ort|datum)\\s*:?\\s*[._ ]*$", in: text, mayMatch)
    }

    /// Around required letters too, `^` and `$` tell the line breaks outside ASCII from others.
    @Test(arguments: [
        ("ort", true), ("ortå", false), ("ort\u{85}x", true), ("ort\u{2028}", true), ("ort\u{2029}", true),
        ("ort\u{2005}", false), ("å\u{85}ort", true), ("xåort", false), ("x\u{2005}ort", false), ("Å\u{2029}ORT", true),
    ])
    func lineBreaksOutsideASCIIAroundLetters(text: String, mayMatch: Bool) throws {
        try Self.expectMayMatch("^ort$", in: text, mayMatch)
    }

    /// `literals.mayMatch(in: text)` is `mayMatch`, and ICU does not match where it says no.
    private static func expectMayMatch(_ pattern: String, in text: String, _ mayMatch: Bool) throws {
        let literals = try #require(PatternLiterals(pattern: pattern))
        #expect(literals.mayMatch(in: text) == mayMatch)
        for options: NSRegularExpression.Options in [[.caseInsensitive], [.caseInsensitive, .anchorsMatchLines]] {
            let regex = try NSRegularExpression(pattern: pattern, options: options)
            let matches = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            #expect(!matches || mayMatch, "\(options)")
        }
    }

    @Test func comparesASCIICaseInsensitivelyAndStopsAtOtherScalars() throws {
        let literals = try #require(PatternLiterals(pattern: "^syfte"))
        #expect(literals.mayStart("Syfte"))
        #expect(literals.mayStart("SYFTET med löftet"))
        #expect(!literals.mayStart("Syft"))
        #expect(!literals.mayStart("Bakgrund"))
        #expect(!literals.mayStart("syfta"))
        // U+017F LATIN SMALL LETTER LONG S matches "s" case-insensitively.
        #expect(literals.mayStart("\u{17F}yfte"))
        #expect(literals.mayStart("Sy\u{301}fte"))
    }

    @Test func findsRequiredLettersPastHarmlessScalarsOnly() throws {
        let literals = try #require(PatternLiterals(pattern: "[Kk]ommuns?\\b"))
        #expect(literals.mayMatch(in: "Ekby KOMMUN"))
        #expect(literals.mayMatch(in: "Älvdalens kommun – 2025"))
        #expect(!literals.mayMatch(in: "Polisen i Älvdalen – 2025 … ”nu”"))
        #expect(!literals.mayMatch(in: "komun"))
        // Scalars that may match ASCII letters, or that are not known, leave the question open.
        #expect(literals.mayMatch(in: "Ekby \u{212A}ommun"))
        #expect(literals.mayMatch(in: "Stra\u{DF}e"))
        #expect(literals.mayMatch(in: "Polisen 20 €"))
    }

    @Test(arguments: [
        ("[Kk]ommuns?\\b", "Ekby kommun lovar", true),
        ("[Kk]ommuns?\\b", "i Ekbys kommuns regi", true),
        ("[Kk]ommuns?\\b", "i kommunen och kommunens skolor", false),
        ("(?-i)\\b(?<area>\\p{Lu}[\\p{L}-]+?)s?\\s+[Kk]ommuns?\\b", "Kommunen åtgärdar, Kommunpolisen ser", false),
        ("(?-i)\\b(?<area>\\p{Lu}[\\p{L}-]+?)s?\\s+[Kk]ommuns?\\b", "Bergberga kommun lovar", true),
        ("(?-i)\\b(?<area>\\p{Lu}[\\p{L}-]+?)s?\\s+[Kk]ommuns?\\b", "Ja.kommun", false),
        ("^uppföljning:?$", "Uppföljning och återkoppling", false),
        ("^uppföljning:?$", "Uppföljning:", true),
        ("^effekte?r?:?$", "Effekter av arbetet", false),
        ("^(den )?(lokala |gemensamma )?lägesbild(en)?( [^.]{1,40})?:?$", "Lägesbilden i Ekby", true),
        ("^(den )?(lokala |gemensamma )?lägesbild(en)?( [^.]{1,40})?:?$", "Lägesbilden. Mer", false),
        ("^fokusområde \\d+\\s*[:.–-].*$", "Fokusområde 2: Trafik", true),
        ("^ort och datum\\s*:?$", "Ort och datum: Ekby", false),
        ("^ort och datum\\s*:?$", "Ort och datum  :", true),
        // Outside ASCII the matcher gives up: `\b` after "kommun" is unknown before "ä".
        ("[Kk]ommuns?\\b", "kommunä", true),
    ])
    func contextRulesOutLettersInTheWrongCompany(pattern: String, text: String, mayMatch: Bool) throws {
        let literals = try #require(PatternLiterals(pattern: pattern))
        #expect(literals.context != nil)
        #expect(literals.mayMatch(in: text) == mayMatch)
        let regex = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        let matches = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        #expect(!matches || mayMatch)
    }

    @Test(arguments: ["a\\1(b)", "ab(?x) c", "ab(?w)\\bc", "ab(?u)c"])
    func noContextForPatternsItCannotRead(pattern: String) {
        #expect(PatternLiterals(pattern: pattern)?.context == nil)
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
        "Ekby", "Ekbys", "kommun", "Kommuns", "KOMMUN", "ko\u{301}mmun", "\u{2019}", "…", "€", "Älvdal", "Övre-Älv",
        ",", "medborgarlöfte", "MEDBORGARLÖFTEN", "ort", "och", "datum:", "____", "Ekby kommun", "Övre Älvdals kommun",
        "Ekby – medborgarlöften", "Medborgarlöfte för Ekby", "Stockholm, Bromma - medborgarlöfte",
    ]

    /// A profile of the shipped pack's section patterns and patterns that take every branch of
    /// the extraction.
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

    @Test func skippingByLiteralsNeverChangesAHeadingsRole() throws {
        let profile = try Self.profile()
        var matched = 0
        Self.forRandomTexts(6000, seed: 0x5EED_0F_4EAD) { round, heading, deadline in
            let filtered = profile.role(ofHeading: heading, before: deadline)
            let reference = profile.role(ofHeading: heading, before: deadline, usesLiterals: false)
            #expect(filtered == reference, "round \(round): '\(heading)'")
            // Asked again, the role is the one remembered.
            #expect(profile.role(ofHeading: heading, before: deadline) == reference, "round \(round): '\(heading)'")
            if reference != nil { matched += 1 }
        }
        // The generated headings must exercise matching, not only misses.
        #expect(matched > 300)
    }

    /// Calls `body` with each round's number, a random heading or paragraph of ``words`` and a
    /// deadline no pattern reaches.
    private static func forRandomTexts(_ rounds: Int, seed: UInt64, _ body: (Int, String, RegexDeadline) -> Void) {
        var generator = Seeded(state: seed)
        for round in 0..<rounds {
            let count = Int.random(in: 1...6, using: &generator)
            var text = (0..<count).map { _ in words.randomElement(using: &generator)! }
                .joined(separator: [" ", "  ", "\t", " ", " \u{A0}"].randomElement(using: &generator)!)
            if Bool.random(using: &generator) { text = text.uppercased() }
            if Int.random(in: 0..<4, using: &generator) == 0 { text += ":" }
            body(round, text, RegexDeadline(after: .seconds(10)))
        }
    }

    @Test func aRememberedRoleIsTheMatchedOneAndNotKeptPastADeadline() throws {
        let profile = try Self.profile()
        let later = RegexDeadline(after: .seconds(10))
        #expect(profile.role(ofHeading: "**Uppföljning:**", before: later) == "follow_up")
        #expect(profile.role(ofHeading: "Uppföljning", before: later) == "follow_up")
        #expect(profile.role(ofHeading: "uppföljning  och återkoppling", before: later) == "follow_up")
        #expect(profile.role(ofHeading: "Uppföljning i Ekby", before: later) == nil)
        #expect(profile.role(ofHeading: "Uppföljning i Ekby", before: later) == nil)
        // Patterns tell a decomposed letter from a composed one, though Swift strings do not.
        #expect(profile.role(ofHeading: "La\u{308}gesbild", before: later) == nil)
        #expect(profile.role(ofHeading: "Lägesbild", before: later) == "situation")
        // A passed deadline stops every pattern, a remembered heading's too.
        #expect(profile.role(ofHeading: "Uppföljning", before: RegexDeadline(after: .zero)) == nil)
        // A copy with other patterns forgets the roles.
        var copy = profile
        copy.sectionPatterns = [(role: "other", regexes: TextReadingProfile.regexes(["^uppföljning$"]))]
        #expect(copy.role(ofHeading: "Uppföljning", before: later) == "other")
        #expect(profile.role(ofHeading: "Uppföljning", before: later) == "follow_up")
    }

    /// Text folded eight bytes at a time is the text folded scalar by scalar: ASCII lower-cased,
    /// and nil when a scalar other than U+0080–U+00FF (but `ß`) or U+2000–U+203F stands in it.
    @Test func foldingIsThatOfEachScalar() {
        let extra = ["@", "[", "`", "{", "\u{7F}", "AZaz", "\u{80}", "\u{FF}", "\u{1FFF}", "\u{2040}", "\u{1F46E}"]
        Self.forRandomTexts(3000, seed: 0xF01D) { round, text, _ in
            var generator = Seeded(state: UInt64(round) &+ 7)
            let sample =
                text
                + (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                    extra.randomElement(using: &generator)!
                }.joined()
            var reference: [UInt8]? = []
            for scalar in sample.unicodeScalars {
                if scalar.isASCII {
                    let byte = UInt8(scalar.value)
                    reference?.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
                } else if (0x80...0xFF).contains(scalar.value) && scalar != "ß"
                    || (0x2000...0x203F).contains(scalar.value)
                {
                    reference? += Array(String(scalar).utf8)
                } else {
                    reference = nil
                    break
                }
            }
            #expect(PatternLiterals.Folded(sample).bytes == reference, "round \(round): '\(sample)'")
        }
        // Every ASCII byte at every place of a word of eight.
        for value in UInt8(1)...0x7F {
            for offset in 0..<8 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 16)
                bytes[offset] = value
                bytes[offset + 8] = value
                let folded = bytes.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
                #expect(PatternLiterals.Folded(String(decoding: bytes, as: UTF8.self)).bytes == folded, "\(value)")
            }
        }
    }

    @Test func headingsAreNormalizedByScalarsAsByCharacters() {
        let pieces = [
            "Bakgrund", "*", "**", "_", ":", " ", "  ", "\t", "\r\n", "\n", "\u{A0}", "\u{85}", "Lägesbild", "\u{AD}",
            "©", "a\u{301}", "\u{2028}", "–", "\u{2010}", "\u{2027}", "•", "\u{200D}", "\u{1F46E}",
        ]
        Self.forRandomTexts(3000, seed: 0x0_4EAD) { round, text, _ in
            var generator = Seeded(state: UInt64(round) &+ 1)
            let heading =
                (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                    pieces.randomElement(using: &generator)!
                }.joined() + text
            let scalarsOnly = heading.unicodeScalars.filter(TextReadingProfile.isCharacterAlone)
            for sample in [heading, String(String.UnicodeScalarView(scalarsOnly))] {
                #expect(
                    TextReadingProfile.normalizedHeading(sample)
                        == TextReadingProfile.normalizedHeadingByCharacters(sample), "round \(round): '\(sample)'")
            }
        }
    }

    @Test func skippingByLiteralsNeverChangesAnAreaOrAnUnsignedMarker() throws {
        let profile = try Self.profile()
        var found = 0
        Self.forRandomTexts(4000, seed: 0xA4EA_5EED) { round, text, deadline in
            let span = Span(text, at: .start)
            for (patterns, literals) in [
                (profile.titleArea, profile.titleAreaLiterals), (profile.bodyArea, profile.bodyAreaLiterals),
            ] {
                let filtered = TextPromiseReader.Assembler.area(
                    in: span, patterns: patterns, literals: literals, before: deadline)
                let reference = TextPromiseReader.Assembler.area(
                    in: span, patterns: patterns, literals: patterns.map { _ in nil }, before: deadline)
                #expect(filtered?.text == reference?.text, "round \(round): '\(text)'")
                if reference != nil { found += 1 }
            }
            for (regex, literals) in zip(profile.unsignedMarkers, profile.unsignedLiterals) {
                let matches = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
                #expect(!matches || (literals?.mayMatch(in: text) ?? true), "round \(round): '\(text)'")
            }
        }
        #expect(found > 300)
    }

    // MARK: Random patterns

    /// A random pattern of literals (some outside ASCII, some matching ASCII letters without
    /// case), quantifiers, groups with alternatives, sets, escapes, flags and anchors.
    private static func randomPattern(_ generator: inout Seeded) -> String {
        let literals = ["a", "b", "k", "s", "ss", "om", "mun", "A", "K", " ", "1", "ä", "ß", "\u{17F}"]
        let quantifiers = ["", "", "", "?", "*", "+", "{0,2}", "{2}", "??", "+?", "{1,3}", "*+", "{2,}"]
        let others = [
            "[ab]", "[^x]", "[a-z]", "\\p{L}", "\\s", "\\b", "\\d", ".", "\\.", "\\|", "\\Q|a\\E", "(?i)",
            "(?-i)", "[Kk]", "[^,]", "[^a]", "[–-]", "[:.–-]", "[\\s,]", "\\p{Lu}", "\\w", "\\S", "\\B", "^", "$",
            "(?=a)", "(?!s)", "(?<=k)", "\\n", ",", ":", "-", "\\x{4B}", "[._ ]", "(?m)", "\\Z", "\\A",
        ]
        func piece(_ depth: Int) -> String {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0..<5:
                return literals.randomElement(using: &generator)! + quantifiers.randomElement(using: &generator)!
            case 5..<7 where depth < 2:
                let alternatives = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                    (0..<Int.random(in: 1...2, using: &generator)).map { _ in piece(depth + 1) }.joined()
                }
                let open = ["(", "(?:", "(?<area>", "(?i:"].randomElement(using: &generator)!
                return open + alternatives.joined(separator: "|") + ")" + quantifiers.randomElement(using: &generator)!
            default: return others.randomElement(using: &generator)!
            }
        }
        var pieces = (0..<Int.random(in: 1...5, using: &generator)).map { _ in piece(0) }
        // Letters at the top level, so that the context around them is read.
        if Bool.random(using: &generator) {
            let run = ["kom", "mun", "ab", "s k", "om1"].randomElement(using: &generator)!
            pieces.insert(run, at: Int.random(in: 0...pieces.count, using: &generator))
        }
        var pattern = pieces.joined()
        if Int.random(in: 0..<8, using: &generator) == 0 { pattern += "|" + piece(0) }
        if Bool.random(using: &generator) { pattern = "^" + pattern }
        if Int.random(in: 0..<4, using: &generator) == 0 { pattern += "$" }
        return pattern
    }

    /// The literals never rule out text a random pattern matches: its letters occur in any text
    /// with a match, and a match of an anchored pattern starts with its prefix.
    @Test func literalsNeverRuleOutAMatchOfARandomPattern() throws {
        var generator = Seeded(state: 0xFA77_E4A5)
        let alphabet = [
            "a", "b", "k", "K", "s", "S", "ß", "\u{17F}", "\u{212A}", "om", "MUN", " ", "1", "ä", "–", "x", ",", ":",
            "\n", "_", ".", "\u{A0}", "-", "\r\n", "\u{301}", "kom", "mun", "s k", "om1", "AB", "\u{85}", "\u{2028}",
            "\u{2029}", "\u{2005}", "\r", "å",
        ]
        var checked = 0
        var withContext = 0
        var whole = 0
        for round in 0..<800 {
            let pattern = Self.randomPattern(&generator)
            guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { continue }
            let literals = PatternLiterals(pattern: pattern)
            for _ in 0..<20 {
                let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                    alphabet.randomElement(using: &generator)!
                }.joined()
                guard let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else {
                    continue
                }
                checked += 1
                #expect(literals?.mayMatch(in: text) ?? true, "round \(round): /\(pattern)/ on '\(text)'")
                if literals?.context != nil { withContext += 1 }
                if literals?.context != nil, literals?.required.isEmpty ?? false { whole += 1 }
                if match.range.location == 0 {
                    #expect(literals?.mayStart(text) ?? true, "round \(round): /\(pattern)/ on '\(text)'")
                }
            }
        }
        #expect(checked > 1500)
        // The matches must exercise the context around the letters, not only the letters.
        #expect(withContext > 120)
        // And patterns without letters, read whole.
        #expect(whole > 100)
    }
}

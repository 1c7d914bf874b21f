import Foundation
import Testing

@testable import PromiseCheck

/// Which patterns may run on short texts without progress reports, and that such runs find
/// what runs with them find.
@Suite struct RegexShapeTests {
    @Test(arguments: [
        #"(?<![\d:–-])\b(?!(?:19|20)\d{2}\b)\d+\b|%"#, #"^uppföljning"#, #"[a-zåäö]+"#, #"\d{4}-\d{2}-\d{2}"#,
        #"(?:kommun|polis)en?"#, #"\bminst \d+\b"#, #"[]a]+"#, #"[^]x]*y"#, #"a{2,3}b+"#, #"\p{L}+"#,
        #"(?<name>ab)?c*"#, #"x\{2,\}"#, #"a*?b"#, #"(ab){1}c+"#,
    ])
    func tame(_ pattern: String) throws {
        _ = try NSRegularExpression(pattern: pattern)
        #expect(RegexShape.isTame(pattern), "\(pattern)")
    }

    @Test(arguments: [
        #"(a+)+$"#, #"(a|aa)*b"#, #"\d+\d+"#, #"(x)\1"#, #"a{2,}b*"#, #"(?x) a+ b"#, #"(ab){2,5}"#, #"(?i)a+"#,
        #"(?#note)a+"#, #"\Qa+\E"#, #".*x.*y"#, #"(?=.*a)b+"#, #"(a+){2}"#, #"a+|b+"#,
    ])
    func notTame(_ pattern: String) throws {
        _ = try NSRegularExpression(pattern: pattern)
        #expect(!RegexShape.isTame(pattern), "\(pattern)")
    }

    @Test func withoutProgressReportsTheSameMatchesAreFound() throws {
        let regex = try NSRegularExpression(pattern: #"(?<![\d:–-])\b(?!(?:19|20)\d{2}\b)\d+\b|%"#)
        var generator = SeededGenerator(state: 3)
        let pieces = ["12", "2024", "15:30", "–7", "%", " procent", " boende", "\n", "å", "1900", "3,5", " "]
        for _ in 0..<200 {
            let text = (0..<Int.random(in: 0...60, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            let deadline = RegexDeadline(after: .seconds(60))
            let plain = regex.matches(in: text, before: deadline, tame: true)
            let watched = regex.matches(in: text, before: deadline, tame: false)
            #expect(plain.finished && watched.finished)
            #expect(plain.matches.map(\.range) == watched.matches.map(\.range), "\(text.debugDescription)")
        }
    }

    @Test func onlyTamePatternsOnShortTextsGoUnwatched() {
        #expect(!RegexShape.needsWatching(tame: true, length: RegexShape.shortText))
        #expect(RegexShape.needsWatching(tame: true, length: RegexShape.shortText + 1))
        #expect(RegexShape.needsWatching(tame: false, length: 10))
    }
}

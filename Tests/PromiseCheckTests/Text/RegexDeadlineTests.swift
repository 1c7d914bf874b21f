import Foundation
import Testing

@testable import PromiseCheck

/// Pack patterns that backtrack catastrophically are stopped at a deadline, not waited for.
///
/// Without the deadline these patterns would run for longer than anyone can wait, so a broken
/// deadline shows as the suite's time limit, not as a wall-clock figure compared in a test
/// (those fail on a loaded machine: two issues once under parallel builds).
@Suite(.timeLimit(.minutes(1))) struct RegexDeadlineTests {
    /// 50 000 `a`s and no match at the end: `(a+)+$` tries every way to split the run.
    static let longRun = String(repeating: "a", count: 50_000) + "!"

    @Test func catastrophicPatternStopsAtTheDeadline() throws {
        let regex = try NSRegularExpression(pattern: "(a+)+$")
        let result = regex.matches(in: Self.longRun, before: RegexDeadline(after: .milliseconds(100)))
        #expect(!result.finished)
    }

    @Test func soundPatternsFinishAndFindEveryMatch() throws {
        let regex = try NSRegularExpression(pattern: "a+!")
        let result = regex.matches(in: Self.longRun + " aa!", before: RegexDeadline(after: .seconds(5)))
        #expect(result.finished)
        #expect(result.matches.map(\.range.length) == [50_001, 3])
        let first = regex.firstMatch(
            in: "x aa! a!", range: NSRange(location: 0, length: 8), before: RegexDeadline(after: .seconds(5)))
        #expect(first?.range == NSRange(location: 2, length: 3))
    }

    @Test func aPassedDeadlineMatchesNothing() throws {
        let regex = try NSRegularExpression(pattern: "a")
        let deadline = RegexDeadline(after: .zero)
        #expect(regex.matches(in: "a", before: deadline).finished == false)
        #expect(regex.firstMatch(in: "a", range: NSRange(location: 0, length: 1), before: deadline) == nil)
    }

    @Test func limitsAreDescribedInSeconds() {
        #expect(RegexDeadline(after: .milliseconds(250)).limitDescription == "0.25 s")
        #expect(RegexDeadline(after: .seconds(1)).limitDescription == "1 s")
    }

    /// Sound patterns take time in proportion to the text, so the limit grows with it, in tenths.
    @Test func theLimitGrowsWithTheText() {
        func limit(_ length: Int) -> String {
            RegexDeadline(base: .seconds(1), forTextOfLength: length).limitDescription
        }
        #expect(limit(0) == "1 s")
        #expect(limit(1) == "1.1 s")
        #expect(limit(50_010) == "1.2 s")
        #expect(limit(1 << 20) == "5 s")
        #expect(limit(16 << 20) == "65 s")
    }

    @Test func soundPatternOnAMebibyteFinishes() throws {
        let regex = try NSRegularExpression(pattern: "TODO|XXX", options: [.caseInsensitive])
        let text = String(repeating: "trygghet ", count: 116_509)
        let deadline = RegexDeadline(base: RegexDeadline.patternCheck, forTextOfLength: text.utf16.count)
        let result = regex.matches(in: text + "TODO", before: deadline)
        #expect(result.finished)
        #expect(result.matches.count == 1)
    }

    @Test func patternCheckReportsTheStoppedPatternAndWhere() throws {
        let check = builtCheck("check: pattern\nwith: {must_not_match: '(a+)+$'}\n")
        let outcome = try #require(evaluateCheck(check, ["Inget här", Self.longRun]))
        #expect(outcome.fraction == 0)
        #expect(
            outcome.failure
                == "matching /(a+)+$/ stopped after 1.2 s on the text at 2:1; the pattern backtracks too much (nested repetition such as (a+)+?)"
        )
    }

    @Test func catastrophicHeadingPatternCountsAsNoMatch() throws {
        let heading = try NSRegularExpression(pattern: "(a+)+$", options: [.caseInsensitive])
        let profile = TextReadingProfile(sectionPatterns: [(role: "situation", regexes: [heading])])
        let text = String(repeating: "a", count: 60) + "!"
        #expect(profile.role(ofHeading: text, before: RegexDeadline(after: .milliseconds(100))) == nil)
    }
}

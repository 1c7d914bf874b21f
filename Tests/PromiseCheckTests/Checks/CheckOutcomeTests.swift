import Testing

@testable import PromiseCheck

@Suite struct CheckOutcomeTests {
    @Test func shortfallGivesUnderHalfCreditUntilTheCountIsReached() {
        #expect(CheckOutcome.shortfall(0, of: 2) == 0)
        #expect(CheckOutcome.shortfall(1, of: 2) == 0.25)
        #expect(CheckOutcome.shortfall(3, of: 4) == 0.375)
        #expect(CheckOutcome.shortfall(2, of: 2) == 1)
        #expect(CheckOutcome.shortfall(5, of: 2) == 1)
        #expect(CheckOutcome.shortfall(0, of: 0) == 1)
        #expect(CheckOutcome.shortfall(-1, of: 2) == 0)
    }

    @Test func gradedIsLinearBetweenTheLimits() {
        #expect(CheckOutcome.graded(30, limit: 40, zeroAt: 60) == 1)
        #expect(CheckOutcome.graded(40, limit: 40, zeroAt: 60) == 1)
        #expect(CheckOutcome.graded(45, limit: 40, zeroAt: 60) == 0.75)
        #expect(CheckOutcome.graded(60, limit: 40, zeroAt: 60) == 0)
        #expect(CheckOutcome.graded(90, limit: 40, zeroAt: 60) == 0)
        #expect(CheckOutcome.graded(41, limit: 40, zeroAt: 40) == 0)
    }

    @Test func fractionIsClampedToZeroOne() {
        #expect(CheckOutcome(fraction: 1.5, reason: "").fraction == 1)
        #expect(CheckOutcome(fraction: -0.5, reason: "").fraction == 0)
        #expect(CheckOutcome(fraction: .nan, reason: "").fraction == 0)
        #expect(CheckOutcome(fraction: .infinity, reason: "").fraction == 0)
    }

    @Test func onlyAFullFractionPasses() {
        #expect(!CheckOutcome(fraction: 0.999, reason: "").passed)
        #expect(CheckOutcome(fraction: 1, reason: "").passed)
    }

    @Test func hitForAMatchCoversItsTokens() throws {
        let text = TokenizedText([verbatimSpan("Vi ska Verka, för trygghet", 4, 9)])
        let matcher = PhraseMatcher(termLexicon("vaga", ["verka för"]))
        let match = try #require(matcher.matches(in: text).first)
        #expect(
            text.hit(for: match)
                == Hit(location: pos(4, 16), excerpt: "Verka, för", variables: ["match": "Verka, för"]))
    }
}

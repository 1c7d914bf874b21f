import Foundation
import Testing

@testable import PromiseCheck

/// Reasons written as bytes read as interpolated strings would.
@Suite struct ReasonTextTests {
    @Test(arguments: [0, 7, 10, 305, -4, -120, Int.max, Int.min])
    func integersAreWrittenInDecimal(number: Int) {
        var reason = ReasonText()
        reason.append(number)
        #expect(reason.text == String(number))
    }

    /// Digits are written first to last; each number of any size reads as `String` writes it.
    @Test func randomIntegersAreWrittenAsStringWritesThem() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let number = Int.random(in: Int.min...Int.max, using: &random) >> Int.random(in: 0...63, using: &random)
            var reason = ReasonText(capacity: 0)
            reason.append("n=")
            reason.append(number)
            #expect(reason.text == "n=" + String(number))
        }
        for power in 0...18 {
            let round = Int(pow(10, Double(power)))
            for number in [round - 1, round, round + 1, -round] {
                var reason = ReasonText()
                reason.append(number)
                #expect(reason.text == String(number))
            }
        }
    }

    @Test func quotedListsShowTheirTextsAndAnEllipsis() {
        func quoted(_ texts: [String], more: Bool) -> String {
            var reason = ReasonText()
            reason.appendQuoted(texts, more: more)
            return reason.text
        }
        #expect(quoted([], more: true) == "")
        #expect(quoted(["öka"], more: false) == ": \"öka\"")
        #expect(quoted(["a", "b", "c"], more: true) == ": \"a\", \"b\", \"c\", …")
    }

    @Test func piecesFollowEachOther() {
        var reason = ReasonText(capacity: 0)
        reason.append("found ")
        reason.append(2)
        reason.appendQuoted(["trygghetsvandring", "möte"], more: true)
        reason.append("; ")
        reason.append(1)
        reason.append(" needed")
        #expect(reason.text == "found 2: \"trygghetsvandring\", \"möte\", …; 1 needed")
    }
}

/// The flat position map that stands in for a dictionary of match ends.
@Suite struct TokenMapTests {
    @Test func setsReadsAndGrows() {
        var map = TokenMap(count: 3)
        #expect(map[0] == nil)
        #expect(map[-1] == nil)
        #expect(map[7] == nil)
        map[1] = 4
        map[5] = 0
        #expect(map[1] == 4)
        #expect(map[5] == 0)
        map[1] = nil
        #expect(map[1] == nil)
        let empty = TokenMap(count: 0)
        #expect(empty[0] == nil)
    }
}

import Testing

@testable import PromiseCheck

@Suite struct SuggestionTests {
    static let packKeys = [
        "pack", "version", "title", "description", "language", "extends", "grades", "categories", "lexicons",
        "sections", "pass_threshold", "rules",
    ]

    @Test func closestCandidateWithinTheAllowedDistance() {
        #expect(Suggestion.closest(to: "titel", in: Self.packKeys) == "title")
        #expect(Suggestion.closest(to: "rule", in: Self.packKeys) == "rules")
        #expect(Suggestion.closest(to: "pass_treshold", in: Self.packKeys) == "pass_threshold")
        #expect(Suggestion.closest(to: "kategorier", in: Self.packKeys) == "categories")
    }

    @Test func caseIsIgnored() {
        #expect(Suggestion.closest(to: "TITLE", in: Self.packKeys) == "title")
        #expect(Suggestion.closest(to: "grund", in: ["Grund"]) == "Grund")
    }

    @Test func allowedDistanceGrowsWithTheWord() {
        // Up to 4 letters: 1 edit; up to 8: 2; longer: 3.
        #expect(Suggestion.closest(to: "pak", in: ["pack"]) == "pack")
        #expect(Suggestion.closest(to: "pk", in: ["pack"]) == nil)
        #expect(Suggestion.closest(to: "hnit", in: ["hint"]) == "hint")  // a swap is one edit
        #expect(Suggestion.closest(to: "hnt", in: ["hunt", "hint"]) == "hunt")
        #expect(Suggestion.closest(to: "nhti", in: ["hint"]) == nil)
        #expect(Suggestion.closest(to: "sevrity", in: ["severity"]) == "severity")
        #expect(Suggestion.closest(to: "svrty", in: ["severity"]) == nil)
        #expect(Suggestion.closest(to: "descripshun", in: ["description"]) == "description")
        #expect(Suggestion.closest(to: "dscrpshun", in: ["description"]) == nil)
    }

    @Test func nearestWinsAndTiesGoToTheFirst() {
        #expect(Suggestion.closest(to: "sectons", in: ["extends", "sections"]) == "sections")
        #expect(Suggestion.closest(to: "bat", in: ["cat", "hat"]) == "cat")
        #expect(Suggestion.closest(to: "x", in: [String]()) == nil)
    }

    @Test func phraseForMessages() {
        #expect(Suggestion.phrase(for: "titel", in: Self.packKeys) == "; did you mean 'title'?")
        #expect(Suggestion.phrase(for: "zzzz", in: Self.packKeys) == "")
    }

    @Test func editDistance() {
        #expect(Suggestion.editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(Suggestion.editDistance(Array(""), Array("åtta")) == 4)
        #expect(Suggestion.editDistance(Array("mål"), Array("")) == 3)
        #expect(Suggestion.editDistance(Array("trygghet"), Array("trygghet")) == 0)
        #expect(Suggestion.editDistance(Array("titel"), Array("title")) == 1)  // neighbours swapped
        #expect(Suggestion.editDistance(Array("aera"), Array("area")) == 1)
        #expect(Suggestion.editDistance(Array("ca"), Array("abc")) == 3)  // optimal string alignment, not Damerau
    }
}

import Testing

@testable import PromiseCheck

/// A scan's block of every lexicon's matches, and the lists that share it.
@Suite struct FoundListTests {
    private static func found(_ number: Int) -> PhraseMatcher.Found {
        PhraseMatcher.Found(entry: number, tokens: number..<(number + 1 + number % 3), number: Double(number) / 2)
    }

    /// A block stores matches as plain memory and never deinitializes them, which is sound only
    /// while a match holds no references.
    @Test func matchesArePlainValues() {
        #expect(_isPOD(PhraseMatcher.Found.self))
    }

    /// Each slot's list is the slot's part of the matches, indexed from 0; a slot out of range
    /// has none.
    @Test(arguments: 0..<20)
    func slotListsAreTheirPartsOfTheBlock(seed: UInt64) {
        var generator = SeededGenerator(state: seed)
        let counts = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
            Int.random(in: 0...5, using: &generator)
        }
        let matches = (0..<counts.reduce(0, +)).map(Self.found)
        let starts = counts.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1) }
        let block = PhraseMatcher.FoundBlock.make(slotStarts: starts, matches: matches)
        for slot in counts.indices {
            let list = block.list(slot)
            let expected = Array(matches[starts[slot]..<starts[slot + 1]])
            #expect(list.count == expected.count)
            #expect(Array(list).map(\.tokens) == expected.map(\.tokens), "seed \(seed), slot \(slot)")
            #expect(Array(list).map(\.entry) == expected.map(\.entry))
            #expect(Array(list).map(\.number) == expected.map(\.number))
            #expect(list.indices == 0..<expected.count)
        }
        #expect(block.list(-1).isEmpty)
        #expect(block.list(counts.count).isEmpty)
    }

    /// A list of an array holds the array's matches; a range outside a block gives none.
    @Test func listsOfArraysAndBadRanges() {
        let matches = (0..<7).map(Self.found)
        let list = PhraseMatcher.FoundList(matches)
        #expect(Array(list).map(\.entry) == Array(0..<7))
        let empty: PhraseMatcher.FoundList = []
        #expect(empty.isEmpty)
        let block = PhraseMatcher.FoundBlock.make(slotStarts: [0, 7], matches: matches)
        #expect(PhraseMatcher.FoundList(block, range: 5..<9).isEmpty)
        #expect(PhraseMatcher.FoundList(block, range: -1..<2).isEmpty)
        #expect(PhraseMatcher.FoundList(block, range: 2..<4).map(\.entry) == [2, 3])
    }
}

import Testing

@testable import PromiseCheck

/// The small name-to-value list behaves as the dictionary it replaces.
@Suite struct MessageVariablesTests {
    @Test func setsReplacesAndRemoves() {
        var variables: MessageVariables = ["count": "2"]
        variables["min"] = "3"
        variables["count"] = "4"
        #expect(variables["count"] == "4")
        #expect(variables.count == 2)
        variables["count"] = nil
        #expect(variables["count"] == nil)
        #expect(variables.dictionary == ["min": "3"])
        variables["absent"] = nil
        #expect(variables.count == 1)
    }

    @Test func aLiteralWithARepeatedNameKeepsTheLastValue() {
        let variables: MessageVariables = ["a": "1", "a": "2"]
        #expect(variables.count == 1)
        #expect(variables["a"] == "2")
    }

    @Test func mergeKeepsOrReplacesSharedNames() {
        let first: MessageVariables = ["a": "1", "b": "2"]
        let second: MessageVariables = ["b": "3", "c": "4"]
        #expect(first.merging(second, replacing: true).dictionary == ["a": "1", "b": "3", "c": "4"])
        #expect(first.merging(second, replacing: false).dictionary == ["a": "1", "b": "2", "c": "4"])
        #expect(MessageVariables().merging(second, replacing: false) == second)
        #expect(first.merging([:], replacing: true) == first)
    }

    @Test func equalityAndHashIgnoreOrder() {
        let one: MessageVariables = ["a": "1", "b": "2"]
        let other: MessageVariables = ["b": "2", "a": "1"]
        #expect(one == other)
        #expect(one.hashValue == other.hashValue)
        #expect(one != ["a": "1", "b": "3"])
        #expect(one != ["a": "1"])
        #expect(Set([one, other]).count == 1)
    }

    @Test(arguments: 0..<20)
    func mergingAgreesWithDictionaries(seed: UInt64) {
        var generator = SeededGenerator(state: seed)
        func random() -> [String: String] {
            var values: [String: String] = [:]
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                values[["a", "b", "c", "d", "e"].randomElement(using: &generator)!] = String(
                    Int.random(in: 0..<3, using: &generator))
            }
            return values
        }
        for _ in 0..<50 {
            let (left, right) = (random(), random())
            let merged = MessageVariables(left).merging(MessageVariables(right), replacing: true)
            #expect(merged.dictionary == left.merging(right) { _, new in new })
            #expect(merged == MessageVariables(left.merging(right) { _, new in new }))
            let kept = MessageVariables(left).merging(MessageVariables(right), replacing: false)
            #expect(kept.dictionary == left.merging(right) { old, _ in old })
            // Setting where absent, with or without room made first, as reading and setting do.
            var set = MessageVariables(left)
            if Bool.random(using: &generator) { set.reserveCapacity(set.count + right.count) }
            var reference = MessageVariables(left)
            for (name, value) in right.sorted(by: { $0.key < $1.key }) {
                set.setIfAbsent(name, value)
                if reference[name] == nil { reference[name] = value }
            }
            #expect(set == reference && set.count == reference.count)
            #expect(set.dictionary == left.merging(right) { old, _ in old })
        }
    }
}

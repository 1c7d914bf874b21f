import Testing

@testable import PromiseCheck

/// Outcomes whose parts ``OutcomeDetails`` work out when read: setting a part, and the
/// combinators' parts against the combinators written out on outcomes read in full.
@Suite struct DeferredOutcomeTests {
    /// Every part of an outcome, read once.
    struct Parts: Equatable, CustomStringConvertible {
        var fraction: Double
        var reason: String
        var evidence: [Hit]
        var problems: [Hit]
        var variables: MessageVariables

        init(fraction: Double, reason: String, evidence: [Hit], problems: [Hit], variables: MessageVariables) {
            self.fraction = fraction
            self.reason = reason
            self.evidence = evidence
            self.problems = problems
            self.variables = variables
        }

        init(_ outcome: CheckOutcome) {
            self.init(
                fraction: outcome.fraction, reason: outcome.reason, evidence: outcome.evidence,
                problems: outcome.problems, variables: outcome.variables)
        }

        var passed: Bool { fraction >= 1 }

        var description: String {
            "\(fraction) \"\(reason)\" evidence \(evidence.map(\.excerpt)) problems \(problems.map(\.excerpt)) \(variables)"
        }
    }

    /// A tree of nested checks over a few leaves, some of which build their parts when read
    /// (lexicon, quantity) and some that give them at once (present, period).
    indirect enum Node: CustomStringConvertible {
        case leaf(String)
        case all([Node])
        case any([Node])
        case not(Node)

        static let leaves = [
            "{check: lexicon, with: {terms: [a, b c]}}",
            "{check: lexicon, with: {terms: [a, d], max: 1}}",
            "{check: lexicon, with: {terms: [c, d], min: 2}}",
            "{check: quantity, with: {units: [gånger], markers: [minst]}}",
            "{check: present, with: {min_words: 3}}",
            // Passes with a problem when a range is too long and another is not.
            "{check: period, with: {max_years: 5}}",
            // Sets `match` and `min` as quantity does, `frequency` when it finds one ("a b",
            // "{n} d") and the vague "c" as the match when not.
            "{check: frequency, with: {frequencies: {a b: 12, '{n} d': 1}, vague: [c], min_per_year: 2}}",
        ]

        static func random(depth: Int, using generator: inout SeededGenerator) -> Node {
            guard depth > 0, Int.random(in: 0..<3, using: &generator) > 0 else {
                return .leaf(leaves.randomElement(using: &generator) ?? leaves[0])
            }
            let children = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                random(depth: depth - 1, using: &generator)
            }
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: return .all(children)
            case 1: return .any(children)
            default: return .not(children[0])
            }
        }

        var description: String {
            switch self {
            case .leaf(let yaml): yaml
            case .all(let nodes): "{check: all, with: {checks: [\(nodes.map(\.description).joined(separator: ", "))]}}"
            case .any(let nodes): "{check: any, with: {checks: [\(nodes.map(\.description).joined(separator: ", "))]}}"
            case .not(let node): "{check: not, with: {check: \(node)}}"
            }
        }

        /// The parts the tree gives, with the combinators worked out here from each nested
        /// outcome read in full.
        func reference(_ lines: [String]) -> Parts? {
            switch self {
            case .leaf(let yaml):
                return evaluateCheck(builtCheck(yaml), lines).map(Parts.init)
            case .all(let nodes):
                let parts = nodes.compactMap { $0.reference(lines) }
                let failing = parts.filter { !$0.passed }
                return Parts(
                    fraction: parts.map(\.fraction).min() ?? 1,
                    reason: (failing.isEmpty ? parts : failing).map(\.reason).joined(separator: "; "),
                    evidence: parts.flatMap(\.evidence), problems: failing.flatMap(\.problems),
                    variables: Self.merged(parts))
            case .any(let nodes):
                let parts = nodes.compactMap { $0.reference(lines) }
                guard let best = parts.max(by: { $0.fraction < $1.fraction }) else { return nil }
                if best.passed {
                    return Parts(
                        fraction: 1, reason: best.reason, evidence: best.evidence, problems: [],
                        variables: Self.merged(parts))
                }
                return Parts(
                    fraction: best.fraction, reason: parts.map(\.reason).joined(separator: "; "),
                    evidence: parts.flatMap(\.evidence), problems: parts.flatMap(\.problems),
                    variables: Self.merged(parts))
            case .not(let node):
                guard let inner = node.reference(lines) else { return nil }
                return Parts(
                    fraction: 1 - inner.fraction, reason: "not (\(inner.reason))", evidence: inner.problems,
                    problems: inner.passed ? inner.evidence : [], variables: inner.variables)
            }
        }

        /// The first value of each name.
        private static func merged(_ parts: [Parts]) -> MessageVariables {
            var variables: MessageVariables = [:]
            for part in parts {
                for (name, value) in part.variables.dictionary where variables[name] == nil { variables[name] = value }
            }
            return variables
        }
    }

    private static let words = [
        "a", "b", "c", "d", "B", "3", "12", "gånger", "minst", "vi", ".", "2020-2030", "2024-2025",
    ]

    @Test(arguments: 0..<20)
    func combinatorsGiveThePartsOfTheirNestedOutcomes(seed: UInt64) throws {
        var generator = SeededGenerator(state: seed)
        for _ in 0..<25 {
            let node = Node.random(depth: 3, using: &generator)
            let check = try #require(builtCheck(node.description))
            for _ in 0..<4 {
                let lines = (0..<Int.random(in: 1...2, using: &generator)).map { _ in
                    (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                        Self.words.randomElement(using: &generator) ?? "a"
                    }.joined(separator: " ")
                }
                let outcome = try #require(evaluateCheck(check, lines))
                let expected = try #require(node.reference(lines))
                #expect(Parts(outcome) == expected, "\(node) on \(lines)")
                // A second read gives the same parts.
                #expect(Parts(outcome) == Parts(outcome), "\(node) on \(lines)")
            }
        }
    }

    @Test func settingAPartReplacesOnlyThatPart() throws {
        let check = builtCheck("{check: lexicon, with: {terms: [verka för]}}")
        var outcome = try #require(evaluateCheck(check, ["Vi ska verka för trygghet"]))
        let before = Parts(outcome)
        #expect(before.reason == "found 1: \"verka för\"")
        #expect(before.evidence.map(\.excerpt) == ["verka för"])

        outcome.reason = "ändrad"
        outcome.evidence.append(Hit(location: .start, excerpt: "mer"))
        outcome.variables["count"] = "9"
        #expect(outcome.reason == "ändrad")
        #expect(outcome.evidence.map(\.excerpt) == ["verka för", "mer"])
        #expect(outcome.variables == ["count": "9", "min": "1"])
        #expect(outcome.problems == before.problems)
        #expect(outcome.fraction == before.fraction)
    }

    @Test func skippedAndFailureAreSetAndClearedWithoutChangingTheOtherParts() throws {
        let check = builtCheck("{check: lexicon, with: {terms: [verka för]}}")
        var outcome = try #require(evaluateCheck(check, ["Vi ska verka för trygghet"]))
        let before = Parts(outcome)
        #expect(outcome.skipped == nil && outcome.failure == nil)

        outcome.skipped = "inte tillåtet"
        #expect(outcome.skipped == "inte tillåtet" && outcome.failure == nil)
        outcome.failure = "fel"
        #expect(outcome.skipped == "inte tillåtet" && outcome.failure == "fel")
        #expect(Parts(outcome) == before)
        outcome.skipped = nil
        #expect(outcome.skipped == nil && outcome.failure == "fel")
        #expect(Parts(outcome) == before)

        let given = CheckOutcome(fraction: 0.25, reason: "given", problems: [Hit(location: .start, excerpt: "x")])
        #expect(given.skipped == nil && given.failure == nil)
        #expect(given.reason == "given" && given.problems.map(\.excerpt) == ["x"] && given.evidence.isEmpty)

        let skipped = CheckOutcome.skipped("varför")
        #expect(skipped.skipped == "varför" && skipped.failure == nil && skipped.reason == "varför")
        let failed = CheckOutcome.failed("trasig")
        #expect(failed.failure == "trasig" && failed.skipped == nil && failed.reason == "trasig")
        #expect(failed.fraction == 0 && failed.variables.isEmpty && failed.evidence.isEmpty)
    }
}

import Foundation
import Testing

@testable import PromiseCheck

@Suite struct EngineTests {
    static let pack = """
        pack: motor
        title: Motorpaket
        grades: {A: 90, B: 75, C: 50, D: 0}
        categories: {grund: Förankring, matbarhet: Mätbarhet, ansvar: Ansvar}
        pass_threshold: 0.6
        rules:
          - id: har-omrade
            title: Området anges
            category: grund
            severity: error
            weight: 1
            check: present
            with: {field: area}
            message: Löftet anger inget område
          - id: har-kallor
            title: Lägesbilden har källor
            category: grund
            severity: warning
            weight: 2
            scope: section:situation
            check: lexicon
            with: {terms: [brottsstatistik, trygghetsmätning, medborgardialog*], min: 2}
            message: Lägesbilden i {area} nämner {count} av {min} källor
            hint: Nämn fler slags källor
          - id: har-siffra
            title: Åtagandena har siffror
            category: matbarhet
            severity: info
            weight: 3
            scope: commitments
            check: pattern
            with: {match: '\\d+'}
            message: Åtagandet {title} saknar en siffra
            missing: Löftet för {area} har inga åtaganden

        """

    static let promise = """
        promise: 1
        area: Ekby
        situation:
          text: Inbrotten ökade enligt brottsstatistik.
        commitments:
          - title: Trygghetsvandringar
            target: fyra vandringar under 2025
          - title: Trafikkontroller
            target: tolv kontroller 2025
          - title: Grannsamverkan
            target: fler grannsamverkansområden
          - title: Föräldravandringar
            target: 3 kvällar i månaden

        """

    private func loadPack(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> RulePack
    {
        let (result, _) = loadScratchPack(yaml: yaml)
        #expect(result.diagnostics.map(\.description) == [], sourceLocation: sourceLocation)
        return try #require(result.pack, sourceLocation: sourceLocation)
    }

    private func evaluate(
        pack yaml: String = pack, promise: String = promise, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> DocumentEvaluation {
        let pack = try loadPack(yaml, sourceLocation: sourceLocation)
        let read = readPromiseText(promise)
        #expect(read.diagnostics.map(\.description) == [], sourceLocation: sourceLocation)
        let document = try #require(read.document, sourceLocation: sourceLocation)
        return Engine(pack: pack).evaluate(document)
    }

    @Test func scoreIsTheWeightedMeanOfRuleFractions() throws {
        let evaluation = try evaluate()
        #expect(evaluation.rules.map(\.id) == ["har-omrade", "har-kallor", "har-siffra"])
        #expect(evaluation.rules.map(\.fraction) == [1, 0.25, 0.75])
        #expect(evaluation.rules.map(\.weight) == [1, 2, 3])
        // 1 of 2 sources is a shortfall, under half credit: (1 × 1 + 2 × 0.25 + 3 × 0.75) / 6 = 0.625
        #expect(evaluation.score == 62.5)
        #expect(evaluation.grade == "C")
        #expect(evaluation.area == "Ekby")
        #expect(evaluation.path == "lofte.yaml")
        #expect(evaluation.format == .yaml)
    }

    /// The one-pass weighted score against filtering and summing in turn, on random results:
    /// the same bits, skipped and failed rules left out, a category's results picked in place.
    @Test(arguments: 0..<20)
    func weightedScoreAgreesWithTheReference(seed: UInt64) {
        var generator = SeededGenerator(state: seed)
        let results = (0..<Int.random(in: 0...12, using: &generator)).map { index in
            Self.randomResult(
                id: "r\(index)", category: ["a", "b", "c"].randomElement(using: &generator)!, using: &generator)
        }
        #expect(Engine.weightedScore(results) == Engine.referenceWeightedScore(results), "seed \(seed)")
        for category in ["a", "b", "c"] {
            #expect(
                Engine.weightedScore(results) { $0.category == category }
                    == Engine.referenceWeightedScore(results.filter { $0.category == category }),
                "seed \(seed), category \(category)")
        }
    }

    /// The one-pass category scores against filtering the results for each category, on
    /// random packs and results: categories with equal keys, rules of no category of the pack,
    /// skipped and failed rules, and categories without rules.
    @Test(arguments: 0..<20)
    func categoryScoresAgreeWithTheReference(seed: UInt64) throws {
        var generator = SeededGenerator(state: seed)
        var pack = try loadPack(Self.pack)
        let keys = ["a", "b", "c", "d"]
        pack.categories = (0..<Int.random(in: 0...5, using: &generator)).map { index in
            RuleCategory(key: keys[Int.random(in: 0..<3, using: &generator)], title: "t\(index)")
        }
        let template = try #require(pack.rules.first)
        pack.rules = (0..<Int.random(in: 0...10, using: &generator)).map { index in
            var rule = template
            rule.id = "r\(index)"
            rule.category = keys[Int.random(in: 0..<keys.count, using: &generator)]
            return rule
        }
        let engine = Engine(pack: pack)
        let results = engine.plans.map { plan in
            Self.randomResult(id: plan.rule.id, category: plan.rule.category, using: &generator)
        }
        #expect(engine.categoryScores(results) == engine.referenceCategoryScores(results), "seed \(seed)")
    }

    /// A result of a random weight and fraction, now and then skipped or failed.
    static func randomResult(id: String, category: String, using generator: inout SeededGenerator) -> RuleResult {
        var result = RuleResult(
            id: id, title: "", category: category, severity: .warning,
            weight: [0, 0.5, 1, 1.7, 3].randomElement(using: &generator)!,
            fraction: Double.random(in: 0...1, using: &generator), passed: false, reason: "", findings: [])
        switch Int.random(in: 0..<6, using: &generator) {
        case 0: result.skipped = "not allowed"
        case 1: result.error = "failed"
        default: break
        }
        return result
    }

    @Test func categoryScoresCoverOnlyCategoriesWithRules() throws {
        let evaluation = try evaluate()
        #expect(
            evaluation.categories == [
                CategoryScore(key: "grund", title: "Förankring", score: 50),
                CategoryScore(key: "matbarhet", title: "Mätbarhet", score: 75),
            ])
    }

    @Test func rulesPassAtThePackThreshold() throws {
        let evaluation = try evaluate()
        #expect(evaluation.rules.map(\.passed) == [true, false, true])
        let lenient = try evaluate(
            pack: Self.pack.replacingOccurrences(of: "pass_threshold: 0.6", with: "pass_threshold: 0.25"))
        #expect(lenient.rules.map(\.passed) == [true, true, true])
        let strict = try evaluate(
            pack: Self.pack.replacingOccurrences(of: "pass_threshold: 0.6", with: "pass_threshold: 0.8"))
        #expect(strict.rules.map(\.passed) == [true, false, false])
    }

    @Test func reasonsExplainEachFraction() throws {
        let evaluation = try evaluate()
        #expect(
            evaluation.rules.map(\.reason) == [
                "'area' is stated (1 words)",
                "found 1 of 2 needed: \"brottsstatistik\"",
                "3 of 4 commitments pass",
            ])
    }

    @Test func findingsHaveRenderedMessagesAndLocations() throws {
        let evaluation = try evaluate()
        let findings = evaluation.findings
        #expect(findings.map(\.ruleID) == ["har-kallor", "har-siffra"])
        #expect(findings.map(\.location) == [pos(3, 1), pos(10, 12)])
        #expect(
            findings.map(\.message) == [
                "Lägesbilden i Ekby nämner 1 av 2 källor", "Åtagandet Grannsamverkan saknar en siffra",
            ])
        #expect(findings.map(\.severity) == [.warning, .info])
        #expect(findings.map(\.hint) == ["Nämn fler slags källor", nil])
        #expect(findings.map(\.excerpt) == [nil, nil])
        #expect(
            findings.map(\.formatted) == [
                "lofte.yaml:3:1: warning: Lägesbilden i Ekby nämner 1 av 2 källor [har-kallor]",
                "lofte.yaml:10:12: info: Åtagandet Grannsamverkan saknar en siffra [har-siffra]",
            ])
    }

    @Test func gradeBands() throws {
        let pack = try loadPack(Self.pack)
        #expect(pack.grades.map(\.name) == ["A", "B", "C", "D"])
        #expect(
            [100, 90, 89.9, 75, 74.9, 50, 49.9, 0].map(pack.grade(for:)) == ["A", "A", "B", "B", "C", "C", "D", "D"])
    }

    @Test func disabledRulesAreNotEvaluatedOrScored() throws {
        let yaml = Self.pack.replacingOccurrences(
            of: "    hint: Nämn fler slags källor\n", with: "    enabled: false\n")
        let evaluation = try evaluate(pack: yaml)
        #expect(evaluation.rules.map(\.id) == ["har-omrade", "har-siffra"])
        // (1 × 1 + 3 × 0.75) / 4 = 0.8125, rounded half away from zero.
        #expect(evaluation.score == 81.3)
        #expect(evaluation.grade == "B")
        #expect(evaluation.categories.map(\.score) == [100, 75])
        #expect(evaluation.findings.map(\.ruleID) == ["har-siffra"])
    }

    @Test func noCommitmentsGivesFractionZeroAndTheMissingMessageAtTheStart() throws {
        let promise = "promise: 1\narea: Ekby\nsituation: Enligt brottsstatistik och trygghetsmätning.\n"
        let evaluation = try evaluate(promise: promise)
        let rule = try #require(evaluation.rules.last)
        #expect(rule.fraction == 0)
        #expect(rule.reason == "the promise has no commitments to check")
        #expect(rule.findings.map(\.message) == ["Löftet för Ekby har inga åtaganden"])
        #expect(rule.findings.map(\.location) == [pos(1, 1)])
        #expect(evaluation.rules.map(\.fraction) == [1, 1, 0])
        #expect(evaluation.score == 50)
    }

    @Test func noCommitmentsWithoutAMissingMessageUsesTheMessage() throws {
        let yaml = Self.pack.replacingOccurrences(of: "    missing: Löftet för {area} har inga åtaganden\n", with: "")
        let evaluation = try evaluate(pack: yaml, promise: "promise: 1\narea: Ekby\n")
        #expect(evaluation.rules.last?.findings.map(\.message) == ["Åtagandet saknar en siffra"])
    }

    @Test func noSignatoriesIsReportedAsSuch() throws {
        let yaml = """
            pack: signerat
            categories: {ansvar: Ansvar}
            rules:
              - id: har-datum
                title: Undertecknarna har datum
                category: ansvar
                severity: warning
                weight: 1
                scope: signatories
                check: pattern
                with: {match: '\\d{4}-\\d{2}-\\d{2}'}
                message: "{name} ({role}) har inget datum"

            """
        let unsigned = try evaluate(pack: yaml, promise: "promise: 1\n")
        #expect(unsigned.rules.first?.reason == "the promise has no signatories to check")
        #expect(unsigned.findings.map(\.message) == ["() har inget datum"])

        let signed = try evaluate(
            pack: yaml,
            promise: """
                promise: 1
                signatories:
                  - {name: Anna Berg, role: Polischef, date: 2025-01-15}
                  - {name: Karl Ek, role: Kommundirektör}

                """)
        #expect(signed.rules.first?.fraction == 0.5)
        #expect(signed.findings.map(\.message) == ["Karl Ek (Kommundirektör) har inget datum"])
        #expect(signed.findings.map(\.location) == [pos(4, 5)])
    }

    @Test func problemsGiveOneFindingPerHit() throws {
        let yaml = """
            pack: vaga
            categories: {tydlighet: Tydlighet}
            rules:
              - id: vaga-ord
                title: Inga tomma ord
                category: tydlighet
                severity: warning
                weight: 1
                check: lexicon
                with: {terms: [verka för, arbeta för, öka tryggheten], max: 0}
                message: Undvik '{match}' ({count} st)

            """
        let evaluation = try evaluate(
            pack: yaml, promise: "promise: 1\nintroduction: Vi ska verka för ökad trygghet och Arbeta för samverkan.\n")
        let findings = evaluation.findings
        #expect(findings.map(\.message) == ["Undvik 'verka för' (2 st)", "Undvik 'Arbeta för' (2 st)"])
        #expect(findings.map(\.location) == [pos(2, 22), pos(2, 50)])
        #expect(findings.map(\.excerpt) == ["verka för", "Arbeta för"])
        #expect(evaluation.rules.first?.fraction == 0)
        #expect(evaluation.score == 0)
        #expect(evaluation.grade == "E")
    }

    /// A check that gives the same outcome for every item.
    struct FixedOutcome: Check {
        static let kind = CheckKind(name: "fast", summary: "", parameters: [])
        var outcome = CheckOutcome(fraction: 0, reason: "")
        init(_ outcome: CheckOutcome) { self.outcome = outcome }
        init(parameters: CheckParameters) {}
        func evaluate(_ item: ScopeItem, in document: Document) -> CheckOutcome { outcome }
    }

    /// A finding's values, for every mix of names the outcome and its hits set: a hit's over
    /// the outcome's over the item's, and the rule's id and the area only where none sets them.
    @Test func findingValuesTakeTheHitsThenTheOutcomesThenTheItemsThenTheRulesAndArea() throws {
        let yaml = """
            pack: varden
            categories: {k: K}
            rules:
              - {id: r, title: R, category: k, severity: info, weight: 1, scope: commitments, check: present, message: m}

            """
        var pack = try loadPack(yaml)
        // Set after loading: a pack's messages may not name `rule`, a check's values may.
        pack.rules[0].message = "{rule}/{area}/{title}"
        let document = try #require(
            readPromiseText("promise: 1\narea: Ekby\ncommitments:\n  - title: Vandringar\n    target: fyra\n").document)
        let outcomeNames = ["rule", "area", "title"]
        let hitNames = ["rule", "area", "title"]
        for outcomeMask in 0..<(1 << outcomeNames.count) {
            for hitMask in -1..<(1 << hitNames.count) {
                var outcomeValues = MessageVariables()
                for (bit, name) in outcomeNames.enumerated() where outcomeMask & (1 << bit) != 0 {
                    outcomeValues[name] = "o-\(name)"
                }
                var hitValues = MessageVariables()
                for (bit, name) in hitNames.enumerated() where hitMask >= 0 && hitMask & (1 << bit) != 0 {
                    hitValues[name] = "h-\(name)"
                }
                // Mask -1: no problems, so one finding with the item's values.
                let problems = hitMask < 0 ? [] : [Hit(location: .start, excerpt: "x", variables: hitValues)]
                pack.rules[0].check = FixedOutcome(
                    CheckOutcome(fraction: 0, reason: "", problems: problems, variables: outcomeValues))
                let findings = Engine(pack: pack).evaluate(document).findings
                let expected = [
                    [
                        hitValues["rule"] ?? outcomeValues["rule"] ?? "r",
                        hitValues["area"] ?? outcomeValues["area"] ?? "Ekby",
                        hitValues["title"] ?? outcomeValues["title"] ?? "Vandringar",
                    ].joined(separator: "/")
                ]
                #expect(findings.map(\.message) == expected, "outcome \(outcomeValues), hit \(hitValues)")
            }
        }
    }

    @Test func rulesWithoutWeightLeaveTheScoreAtHundred() throws {
        let yaml = Self.pack.replacingOccurrences(of: "weight: 1\n", with: "weight: 0\n")
            .replacingOccurrences(of: "weight: 2\n", with: "weight: 0\n")
            .replacingOccurrences(of: "weight: 3\n", with: "weight: 0\n")
        let evaluation = try evaluate(pack: yaml)
        #expect(evaluation.score == 100)
        #expect(evaluation.grade == "A")
        #expect(evaluation.categories.map(\.score) == [nil, nil])
    }

    @Test func commitmentWithoutTitleIsNamedByItsFirstWords() throws {
        let long = "Genomföra trygghetsvandringar i centrum och vid stationen tillsammans med boende och handlare"
        let evaluation = try evaluate(
            promise: "promise: 1\narea: Ekby\ncommitments:\n  - \(long)\n  - Kortare åtagande\n")
        let messages = evaluation.rules.last?.findings.map(\.message)
        #expect(
            messages == [
                "Åtagandet Genomföra trygghetsvandringar i centrum och vid stationen ti… saknar en siffra",
                "Åtagandet Kortare åtagande saknar en siffra",
            ])
        #expect(evaluation.rules.last?.findings.map(\.location) == [pos(4, 5), pos(5, 5)])
    }

    @Test func documentScopeIsLocatedAtTheTitleOrFirstText() throws {
        let yaml = Self.pack.replacingOccurrences(of: "with: {field: area}", with: "with: {min_words: 50}")
        let titled = try evaluate(pack: yaml, promise: "promise: 1\nintroduction: Kort text.\ntitle: Ekby\n")
        #expect(titled.rules.first?.findings.map(\.location) == [pos(3, 8)])
        let untitled = try evaluate(pack: yaml, promise: "promise: 1\narea: Ekby\nintroduction: Kort text.\n")
        #expect(untitled.rules.first?.findings.map(\.location) == [pos(3, 15)])
        #expect(untitled.rules.first?.fraction == 0.02)
    }

    @Test func checkerReadsAndEvaluatesFiles() throws {
        let pack = try loadPack(Self.pack)
        let scratch = ScratchFolder()
        let good = scratch.write("ekby.yaml", Self.promise)
        let bad = scratch.write("trasig.yaml", "promise: 1\narea: [\n")
        let checker = Checker(pack: pack)
        let report = checker.check(path: good)
        #expect(report.path == good)
        #expect(report.diagnostics.isEmpty)
        #expect(report.evaluation?.score == 62.5)
        #expect(report.evaluation?.findings.map(\.path) == [good, good])
        let broken = checker.check(path: bad)
        #expect(broken.evaluation == nil)
        #expect(broken.diagnostics.map(\.code) == ["yaml.syntax"])
    }
}

/// How `require:` turns the items' outcomes into the rule's fraction.
@Suite struct RequirementTests {
    /// One rule on commitments: two numbers needed, so "12 kontroller" falls short at 0.25.
    static func pack(require: String?) -> String {
        """
        pack: krav
        categories: {matbarhet: Mätbarhet}
        rules:
          - id: tva-tal
            title: Två tal per åtagande
            category: matbarhet
            severity: warning
            weight: 1
            scope: commitments
        \(require.map { "    require: \($0)\n" } ?? "")\
            check: pattern
            with: {match: '\\d+', min: 2}
            message: Åtagandet {title} har {count} av {min} tal

        """
    }

    static let promise = """
        promise: 1
        commitments:
          - title: Vandringar
            target: 4 vandringar 2025
          - title: Kontroller
            target: 12 kontroller
          - title: Dialoger
            target: inga siffror

        """

    struct Case: Sendable, CustomTestStringConvertible {
        var require: String?
        var fraction: Double
        var score: Double
        var messages: [String]
        var reason: String
        var testDescription: String { "require: \(require ?? "(none)")" }
    }

    static let kept = ["Åtagandet Kontroller har 1 av 2 tal", "Åtagandet Dialoger har 0 av 2 tal"]

    static let cases: [Case] = [
        Case(require: nil, fraction: 1.25 / 3, score: 41.7, messages: kept, reason: "1 of 3 commitments pass"),
        Case(require: "all", fraction: 1.25 / 3, score: 41.7, messages: kept, reason: "1 of 3 commitments pass"),
        Case(require: "any", fraction: 1, score: 100, messages: [], reason: "1 of 3 commitments pass; 1 needed"),
        Case(require: "2", fraction: 0.25, score: 25, messages: kept, reason: "1 of 3 commitments pass; 2 needed"),
        Case(require: "3", fraction: 0.5 / 3, score: 16.7, messages: kept, reason: "1 of 3 commitments pass; 3 needed"),
    ]

    @Test(arguments: cases)
    func requirementDecidesTheFraction(_ expected: Case) throws {
        let (loaded, _) = loadScratchPack(yaml: Self.pack(require: expected.require))
        #expect(loaded.diagnostics.map(\.description) == [])
        let pack = try #require(loaded.pack)
        let document = try #require(readPromiseText(Self.promise).document)
        let evaluation = Engine(pack: pack).evaluate(document)
        let rule = try #require(evaluation.rules.first)
        #expect(abs(rule.fraction - expected.fraction) < 1e-12)
        #expect(evaluation.score == expected.score)
        #expect(rule.reason == expected.reason)
        #expect(rule.findings.map(\.message) == expected.messages)
        #expect(rule.findings.map(\.location) == (expected.messages.isEmpty ? [] : [pos(5, 12), pos(7, 12)]))
    }

    @Test(arguments: ["some", "0", "-1", "1.5"])
    func badRequirementIsAnError(_ text: String) {
        let (loaded, _) = loadScratchPack(yaml: Self.pack(require: text))
        expectDiagnostic(
            loaded.diagnostics, code: "pack.require", at: pos(10, 14),
            message: "require must be all, any or a whole number of items, found '\(text)'")
    }
}

/// A finding's subject, joined in one string without an array of the spans' texts.
@Suite struct FindingSubjectTests {
    @Test func subjectsAreTheSpansTextsJoinedBySpaces() {
        var random = SystemRandomNumberGenerator()
        let pieces = ["", " ", "a", "Öka tryggheten", "polisen", "😀 x", "\n"]
        for _ in 0..<2000 {
            let spans = (0..<Int.random(in: 0...5, using: &random)).map { line in
                Span(pieces.randomElement(using: &random) ?? "", at: SourceLocation(line: line + 1, column: 1))
            }
            #expect(Engine.subject(of: spans) == spans.map(\.text).joined(separator: " "))
        }
    }
}

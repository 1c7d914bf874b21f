import Foundation
import Testing

@testable import PromiseCheck

/// Rules with the same check on the same scope share each item's outcome; each still gives its
/// own findings, and checks that differ, or may not be shared, are evaluated for each rule.
@Suite struct SharedOutcomeTests {
    /// The check of the `mal` rules: commitments with two kinds of activity or a frequency.
    static let matbar = """
              checks:
                - check: lexicon
                  with: {terms: [kontroll*, vandring*], min: 2}
                - check: lexicon
                  with: {terms: [varje vecka, per år], min: 1}
        """

    /// `mal` and `mal-igen` share their check through an alias, and so do `tomt` and
    /// `tomt-igen`; `mal-dokument` has it on another scope, `mal-utskrivet` written out again,
    /// and `monster`/`monster-igen` share a `pattern`.
    static let pack = """
        pack: delat
        title: Delat
        categories: {m: Mätbarhet}
        rules:
          - id: mal
            title: Mål
            category: m
            severity: error
            weight: 2
            scope: commitments
            check: any
            with: &matbar
        \(matbar)
            message: "Åtagandet {title} saknar mål"
          - id: mal-igen
            title: Mål igen
            category: m
            severity: warning
            weight: 1
            scope: commitments
            require: any
            check: any
            with: *matbar
            message: "Mål saknas: {title} ({count})"
          - id: mal-dokument
            title: Mål i dokumentet
            category: m
            severity: info
            weight: 1
            check: any
            with: *matbar
            message: "Löftet saknar mål i {area}"
          - id: mal-utskrivet
            title: Mål utskrivet
            category: m
            severity: info
            weight: 1
            scope: commitments
            check: any
            with:
        \(matbar)
            message: "Utskrivet: {title}"
          - id: tomt
            title: Tomma ord
            category: m
            severity: warning
            weight: 1
            scope: commitments
            check: lexicon
            with: &tomt {terms: [verka för, sträva efter], max: 0}
            message: "Tomt ord: {match}"
          - id: tomt-igen
            title: Tomma ord igen
            category: m
            severity: info
            weight: 1
            scope: commitments
            check: lexicon
            with: *tomt
            message: "{title}: {match} ({count})"
          - id: monster
            title: Siffra
            category: m
            severity: info
            weight: 1
            scope: commitments
            check: pattern
            with: &siffra {match: '\\d+'}
            message: "Ingen siffra i {title}"
          - id: monster-igen
            title: Siffra igen
            category: m
            severity: info
            weight: 1
            scope: commitments
            check: pattern
            with: *siffra
            message: "Ingen siffra: {title}"

        """

    static let promise = """
        promise: 1
        area: Ekby
        commitments:
          - title: Trygghetsvandringar
            target: fyra vandringar och tolv kontroller under 2025
          - title: Verka för trygghet
            target: verka för fler kontroller och sträva efter trygghet
          - title: Grannsamverkan
            target: fler grannsamverkansområden

        """

    private func load(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> RulePack {
        let (result, _) = loadScratchPack(yaml: yaml)
        #expect(result.diagnostics.map(\.description) == [], sourceLocation: sourceLocation)
        return try #require(result.pack, sourceLocation: sourceLocation)
    }

    private func document(_ yaml: String = promise) throws -> Document {
        try #require(readPromiseText(yaml).document)
    }

    /// Each rule's group, by rule id.
    private func groups(_ pack: RulePack) -> [String: Int?] {
        let engine = Engine(pack: pack)
        return Dictionary(uniqueKeysWithValues: zip(engine.enabledRules.map(\.id), engine.outcomeGroups))
    }

    /// A rule result as text, everything a report shows of it.
    static func describe(_ result: RuleResult) -> String {
        let findings = result.findings.map { finding in
            "\(finding.formatted) hint=\(finding.hint ?? "-") excerpt=\(finding.excerpt ?? "-") subject=\(finding.subject ?? "-")"
        }
        return
            "\(result.id) \(result.severity) \(result.weight) \(result.fraction) \(result.passed) \(result.reason) skipped=\(result.skipped ?? "-") error=\(result.error ?? "-")\n"
            + findings.joined(separator: "\n")
    }

    /// Every rule's result from the whole evaluation must be what evaluating the rule alone
    /// gives, which never shares.
    static func expectSameAsAlone(
        _ engine: Engine, _ document: Document, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let together = engine.evaluate(document).rules
        #expect(together.map(\.id) == engine.enabledRules.map(\.id), sourceLocation: sourceLocation)
        for (rule, result) in zip(engine.enabledRules, together) {
            #expect(
                describe(result) == describe(engine.evaluate(rule, on: document)), "\(document.path): \(rule.id)",
                sourceLocation: sourceLocation)
        }
    }

    @Test func onlyTheSameCheckOnTheSameScopeIsShared() throws {
        let groups = groups(try load(Self.pack))
        #expect(groups["mal"] == 0)
        #expect(groups["mal-igen"] == 0)
        #expect(groups["tomt"] == 1)
        #expect(groups["tomt-igen"] == 1)
        // The same check on another scope, the same check written out again, and a kind whose
        // outcome may depend on time.
        for id in ["mal-dokument", "mal-utskrivet", "monster", "monster-igen"] {
            #expect(groups[id] == .some(nil), "\(id)")
        }
    }

    @Test func sharedRulesGiveWhatEachGivesAlone() throws {
        let engine = Engine(pack: try load(Self.pack))
        Self.expectSameAsAlone(engine, try document())
    }

    @Test func eachSharedRuleRendersItsOwnFindings() throws {
        let evaluation = Engine(pack: try load(Self.pack)).evaluate(try document())
        func findings(_ id: String) -> [String] {
            evaluation.rules.first { $0.id == id }?.findings.map { "\($0.formatted) \($0.excerpt ?? "-")" } ?? ["none"]
        }
        #expect(
            findings("mal") == [
                "lofte.yaml:6:12: error: Åtagandet Verka för trygghet saknar mål [mal] -",
                "lofte.yaml:8:12: error: Åtagandet Grannsamverkan saknar mål [mal] -",
            ])
        // `require: any`: the first commitment passes, so the rule does and reports nothing.
        let second = try #require(evaluation.rules.first { $0.id == "mal-igen" })
        #expect(second.findings.isEmpty)
        #expect(second.reason == "1 of 3 commitments pass; 1 needed")
        // One finding per occurrence, each with its own rule's message, severity and id.
        #expect(
            findings("tomt") == [
                "lofte.yaml:6:12: warning: Tomt ord: Verka för [tomt] Verka för",
                "lofte.yaml:7:13: warning: Tomt ord: verka för [tomt] verka för",
                "lofte.yaml:7:43: warning: Tomt ord: sträva efter [tomt] sträva efter",
            ])
        #expect(
            findings("tomt-igen") == [
                "lofte.yaml:6:12: info: Verka för trygghet: Verka för (3) [tomt-igen] Verka för",
                "lofte.yaml:7:13: info: Verka för trygghet: verka för (3) [tomt-igen] verka för",
                "lofte.yaml:7:43: info: Verka för trygghet: sträva efter (3) [tomt-igen] sträva efter",
            ])
    }

    @Test func sharedRulesWithFindingsEachRenderTheirOwnMessage() throws {
        let promise = """
            promise: 1
            area: Ekby
            commitments:
              - title: Grannsamverkan
                target: fler grannsamverkansområden

            """
        let evaluation = Engine(pack: try load(Self.pack)).evaluate(try document(promise))
        let messages = evaluation.rules.filter { $0.id.hasPrefix("mal") }.map { $0.findings.map(\.formatted) }
        #expect(
            messages == [
                ["lofte.yaml:4:12: error: Åtagandet Grannsamverkan saknar mål [mal]"],
                ["lofte.yaml:4:12: warning: Mål saknas: Grannsamverkan (0) [mal-igen]"],
                ["lofte.yaml:4:12: info: Löftet saknar mål i Ekby [mal-dokument]"],
                ["lofte.yaml:4:12: info: Utskrivet: Grannsamverkan [mal-utskrivet]"],
            ])
    }

    @Test func aRuleOverriddenByAnExtendingPackIsNotShared() throws {
        let scratch = ScratchFolder()
        scratch.write("bas/pack.yaml", Self.pack)
        scratch.write(
            "barn/pack.yaml",
            """
            pack: barn
            title: Barn
            extends: [bas]
            rules:
              - id: mal-igen
                with: {checks: [{check: lexicon, with: {terms: [kontroll*], min: 1}}]}

            """)
        let result = loadScratchPack("barn", in: scratch, searchPaths: [scratch.path])
        #expect(result.diagnostics.map(\.description) == [])
        let pack = try #require(result.pack)
        let groups = groups(pack)
        #expect(groups["mal"] == .some(nil))
        #expect(groups["mal-igen"] == .some(nil))
        Self.expectSameAsAlone(Engine(pack: pack), try document())
        // An override of another setting keeps the check, and the sharing.
        scratch.write(
            "barn/pack.yaml", "pack: barn\ntitle: Barn\nextends: [bas]\nrules:\n  - {id: mal-igen, weight: 3}\n")
        let kept = try #require(loadScratchPack("barn", in: scratch, searchPaths: [scratch.path]).pack)
        #expect(self.groups(kept)["mal-igen"] == 0)
    }

    @Test func aCheckReplacedAfterLoadingIsNotShared() throws {
        var pack = try load(Self.pack)
        let index = try #require(pack.rules.firstIndex { $0.id == "mal-igen" })
        pack.rules[index].check = try #require(builtCheck("{check: lexicon, with: {terms: [grann*]}}"))
        #expect(groups(pack)["mal"] == .some(nil))
        #expect(groups(pack)["mal-igen"] == .some(nil))
        Self.expectSameAsAlone(Engine(pack: pack), try document())
    }

    /// A plugin's kind, under a built-in kind's name: it may not be shared.
    struct Custom: Check {
        static let kind = CheckKind(name: "lexicon", summary: "", parameters: [])
        init() {}
        init(parameters: CheckParameters) { self.init() }
        func evaluate(_ item: ScopeItem, in document: Document) -> CheckOutcome {
            CheckOutcome(fraction: 1, reason: "")
        }
    }

    @Test func onlyBuiltInKindsWithoutSideInputsArePure() throws {
        let pure = [
            "{check: lexicon, with: {terms: [a]}}",
            "{check: any, with: {checks: [{check: lexicon, with: {terms: [a]}}, {check: readability}]}}",
            "{check: not, with: {check: {check: all, with: {checks: [{check: present, with: {field: title}}]}}}}",
        ]
        for yaml in pure { #expect(Engine.isPure(try #require(builtCheck(yaml))), "\(yaml)") }
        let impure = [
            "{check: exec, with: {command: [prog]}}",
            "{check: pattern, with: {match: a}}",
            "{check: any, with: {checks: [{check: lexicon, with: {terms: [a]}}, {check: exec, with: {command: [prog]}}]}}",
            "{check: not, with: {check: {check: pattern, with: {match: a}}}}",
        ]
        for yaml in impure { #expect(!Engine.isPure(try #require(builtCheck(yaml))), "\(yaml)") }
        #expect(!Engine.isPure(Custom()))
    }

    /// A plugin's kind that fails every item, with the rule id the item carries as `seen`.
    struct RuleIDSpy: Check {
        static let kind = CheckKind(name: "spy", summary: "", parameters: [])
        init() {}
        init(parameters: CheckParameters) { self.init() }
        func evaluate(_ item: ScopeItem, in document: Document) -> CheckOutcome {
            CheckOutcome(fraction: 0, reason: "", variables: ["seen": item.ruleID ?? "none"])
        }
    }

    @Test func onlyTheBuiltInKindsBesidesExecNeverReadTheRuleID() throws {
        var registry = CheckRegistry.builtIn
        registry.register(RuleIDSpy.self)
        let silent = [
            "{check: lexicon, with: {terms: [a]}}",
            "{check: pattern, with: {match: a}}",
            "{check: any, with: {checks: [{check: lexicon, with: {terms: [a]}}, {check: readability}]}}",
            "{check: not, with: {check: {check: all, with: {checks: [{check: present, with: {field: title}}]}}}}",
        ]
        for yaml in silent { #expect(!Engine.readsRuleID(try registry.makeCheck(yaml)), "\(yaml)") }
        let reading = [
            "{check: exec, with: {command: [prog]}}",
            "{check: spy}",
            "{check: any, with: {checks: [{check: lexicon, with: {terms: [a]}}, {check: spy}]}}",
            "{check: not, with: {check: {check: all, with: {checks: [{check: spy}]}}}}",
        ]
        for yaml in reading { #expect(Engine.readsRuleID(try registry.makeCheck(yaml)), "\(yaml)") }
        #expect(Engine.readsRuleID(Custom()))
    }

    /// A check that may read the rule's id gets it on every item, nested or not, for each rule,
    /// in a whole evaluation and in a rule's alone.
    @Test func checksThatReadTheRuleIDGetItOnEveryItem() throws {
        var registry = CheckRegistry.builtIn
        registry.register(RuleIDSpy.self)
        var pack = try load(Self.pack)
        let nested = try registry.makeCheck("{check: all, with: {checks: [{check: spy}]}}")
        for index in pack.rules.indices {
            pack.rules[index].check = index % 2 == 0 ? RuleIDSpy() : nested
            pack.rules[index].message = "{seen}"
        }
        let document = try document()
        let engine = Engine(pack: pack)
        let evaluation = engine.evaluate(document)
        #expect(evaluation.rules.count == pack.rules.count)
        for rule in evaluation.rules {
            #expect(!rule.findings.isEmpty, "\(rule.id)")
            #expect(rule.findings.allSatisfy { $0.message == rule.id }, "\(rule.findings.map(\.message))")
        }
        for rule in pack.rules {
            let alone = engine.evaluate(rule, on: document)
            #expect(!alone.findings.isEmpty, "\(rule.id)")
            #expect(alone.findings.allSatisfy { $0.message == rule.id }, "\(alone.findings.map(\.message))")
        }
    }

    /// The shipped pack shares `measurable_target`'s check with `commitment_targets`, and every
    /// example promise and published text gets from the whole evaluation what each rule gives
    /// alone.
    @Test func shippedPackGivesWhatEachRuleGivesAlone() throws {
        let pack = try #require(ShippedPackTests.load("medborgarlofte").pack)
        let groups = groups(pack)
        #expect(groups["measurable_target"] == 0)
        #expect(groups["commitment_targets"] == 0)
        #expect(groups.values.filter { $0 != nil }.count == 2)
        let checker = Checker(pack: pack)
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples/promises")
        let yaml = try FileManager.default.contentsOfDirectory(atPath: examples.path).filter { $0.hasSuffix(".yaml") }
        let published = PublishedCorpus.files.map { PublishedCorpus.folder.appendingPathComponent($0).path }
        let paths = yaml.sorted().map { examples.appendingPathComponent($0).path } + published
        #expect(paths.count >= 8)
        for path in paths {
            let document = try #require(checker.read(path: path).document, "\(path)")
            Self.expectSameAsAlone(checker.engine, document)
        }
    }
}

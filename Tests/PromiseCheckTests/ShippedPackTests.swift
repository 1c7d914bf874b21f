import Foundation
import PromiseCheck
import Testing

/// The rule packs shipped under `Rules/`: each loads cleanly, and each rule's examples are its tests.
@Suite struct ShippedPackTests {
    /// The criteria of the rubric in DOMAIN.md; the Swedish pack has a rule for each, with this id.
    static let rubricKeys = [
        "period", "situation_sources", "concrete_actions", "measurable_target", "follow_up_frequency", "evaluation",
        "citizen_feedback", "responsible_party", "signatories", "expected_effect", "vague_language",
    ]

    /// The repository's `Rules/` folder, found from this file (Tests/PromiseCheckTests/ShippedPackTests.swift).
    static let rulesDirectory: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Rules").path

    /// The names of the pack folders under `Rules/`, sorted.
    static let packNames: [String] = {
        let fileManager = FileManager.default
        let entries = (try? fileManager.contentsOfDirectory(atPath: rulesDirectory)) ?? []
        return entries.filter { fileManager.fileExists(atPath: "\(rulesDirectory)/\($0)/pack.yaml") }.sorted()
    }()

    static func load(_ name: String) -> PackLoader.Result {
        PackLoader(locator: PackLocator(searchPaths: [rulesDirectory])).load(name)
    }

    /// Every (pack, rule id) pair, for the parameterized example test.
    static let packRules: [PackRule] = packNames.flatMap { name in
        (load(name).pack?.rules ?? []).map { PackRule(pack: name, rule: $0.id) }
    }

    struct PackRule: Sendable, CustomTestStringConvertible {
        var pack: String
        var rule: String
        var testDescription: String { "\(pack)/\(rule)" }
    }

    @Test func rulesFolderHasPacks() {
        #expect(Self.packNames.contains("medborgarlofte"), "no medborgarlofte pack in \(Self.rulesDirectory)")
    }

    @Test(arguments: packNames)
    func packLoadsWithoutDiagnostics(_ name: String) {
        let result = Self.load(name)
        #expect(result.pack != nil, "pack '\(name)' did not load")
        #expect(
            result.diagnostics.isEmpty,
            "pack '\(name)' has diagnostics:\n\(result.diagnostics.map(\.description).joined(separator: "\n"))")
    }

    @Test(arguments: packRules)
    func examplesPass(_ item: PackRule) throws {
        let pack = try #require(Self.load(item.pack).pack)
        let rule = try #require(pack.rule(withID: item.rule))
        let passes = rule.examples.filter { $0.expectation == .pass }.count
        let fails = rule.examples.filter { $0.expectation == .fail }.count
        #expect(passes >= 2, "rule '\(rule.id)' has \(passes) pass examples; at least 2 needed")
        #expect(fails >= 2, "rule '\(rule.id)' has \(fails) fail examples; at least 2 needed")
        let summary = ExampleRunner(pack: pack).run(rules: [rule.id])
        #expect(
            summary.failures.isEmpty,
            "examples of '\(rule.id)' fail:\n\(summary.failures.map(\.description).joined(separator: "\n"))")
    }

    @Test func medborgarlofteCoversTheRubric() throws {
        let pack = try #require(Self.load("medborgarlofte").pack)
        let missing = Self.rubricKeys.filter { pack.rule(withID: $0) == nil }
        #expect(missing.isEmpty, "no rule for rubric criteria: \(missing.joined(separator: ", "))")
    }

    @Test(arguments: packNames)
    func rulesAreDocumented(_ name: String) throws {
        let pack = try #require(Self.load(name).pack)
        for rule in pack.rules {
            let fields: [(name: String, value: String?)] = [
                ("title", rule.title), ("hint", rule.hint), ("link", rule.link), ("description", rule.rationale),
            ]
            let missing = fields.filter { $0.value?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true }
                .map(\.name)
            #expect(missing.isEmpty, "rule '\(rule.id)' of pack '\(name)' has no \(missing.joined(separator: ", "))")
        }
    }
}

/// The pack `scripts/bench --pack` measures the floor of a check with: it must load and its
/// examples pass, or the benchmark's floor figure measures an error run.
@Suite struct BenchmarkFloorPackTests {
    static let packsDirectory: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/bench-support").path

    @Test func floorPackLoadsAndItsExamplesPass() throws {
        let result = PackLoader(locator: PackLocator(searchPaths: [Self.packsDirectory])).load("floor-pack")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        let pack = try #require(result.pack)
        #expect(pack.rules.map(\.id) == ["has_title"])
        let summary = ExampleRunner(pack: pack).run(rules: pack.rules.map(\.id))
        #expect(summary.failures.isEmpty, "\(summary.failures.map(\.description))")
        #expect(pack.rules[0].examples.count == 4)
    }
}

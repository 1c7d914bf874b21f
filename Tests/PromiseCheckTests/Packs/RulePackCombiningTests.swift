import Testing

@testable import PromiseCheck

@Suite struct RulePackCombiningTests {
    private func pack(
        _ name: String, grades: String, categories: String, rules: [(id: String, severity: String)],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> RulePack? {
        var yaml = "pack: \(name)\ntitle: Paket \(name)\ngrades: \(grades)\ncategories: \(categories)\nrules:\n"
        for rule in rules {
            yaml += """
                  - id: \(rule.id)
                    title: Regel \(rule.id)
                    category: grund
                    severity: \(rule.severity)
                    weight: 1
                    check: present
                    message: Saknas

                """
        }
        let (result, _) = loadScratchPack(yaml: yaml)
        #expect(result.diagnostics.map(\.description) == [], sourceLocation: sourceLocation)
        return result.pack
    }

    @Test func laterPacksReplaceRulesByIDAndJoinTheRest() throws {
        let first = try #require(
            pack(
                "lan", grades: "{A: 80, B: 0}", categories: "{grund: Förankring}",
                rules: [("a", "error"), ("b", "error")]))
        let second = try #require(
            pack(
                "kommun", grades: "{X: 50, Y: 0}", categories: "{grund: Grund, ansvar: Ansvar}",
                rules: [("b", "info"), ("c", "warning")]))
        let combined = try #require(RulePack.combining([first, second]))
        #expect(combined.name == "lan+kommun")
        #expect(combined.title == "Paket lan + Paket kommun")
        #expect(combined.rules.map(\.id) == ["a", "b", "c"])
        #expect(combined.rules.map(\.severity) == [.error, .info, .warning])
        #expect(combined.grades.map(\.name) == ["A", "B"])
        #expect(
            combined.categories == [
                RuleCategory(key: "grund", title: "Förankring"), RuleCategory(key: "ansvar", title: "Ansvar"),
            ])
        #expect(RulePack.combining([]) == nil)
        #expect(RulePack.combining([first])?.name == "lan")
    }
}

import Foundation
import Testing

@testable import PromiseCheck

/// `Comparison`: grouping by area, ordering by year, ranking, changes, and what is missing.
@Suite struct ComparisonTests {
    /// Two scored categories and a third whose only rule is turned off.
    static let packYAML = """
        pack: jamforelse
        version: 2.1.0
        title: Jämförelsepaket
        categories: {grund: Förankring, handling: Åtgärder, sprak: Språk}
        rules:
          - id: kallor
            title: Källor
            category: grund
            severity: error
            weight: 2
            check: present
            with: {field: situation}
            message: inga källor
          - id: mal
            title: Mål
            category: handling
            severity: warning
            weight: 1
            check: present
            with: {field: commitments}
            message: inga mål
          - id: tomma-ord
            title: Tomma ord
            category: sprak
            severity: info
            weight: 1
            enabled: false
            check: present
            with: {field: title}
            message: tomma ord

        """

    static func pack() throws -> RulePack {
        let (result, _) = loadScratchPack(yaml: packYAML)
        return try #require(result.pack, "\(result.diagnostics.map(\.description))")
    }

    /// An evaluation with the given numbers; `grund` nil means the category has no score.
    static func evaluation(
        _ path: String, area: String?, period: String?, score: Double, grund: Double? = 50, handling: Double = 50,
        kallor: Double = 0.5, mal: Double = 0.5
    ) -> DocumentEvaluation {
        DocumentEvaluation(
            path: path, format: .yaml, area: area, title: "Löfte \(path)", period: period, score: score,
            grade: score >= 90 ? "A" : score >= 50 ? "C" : "E",
            categories: [
                CategoryScore(key: "grund", title: "Förankring", score: grund),
                CategoryScore(key: "handling", title: "Åtgärder", score: handling),
            ],
            rules: [
                RuleResult(
                    id: "kallor", title: "Källor", category: "grund", severity: .error, weight: 2, fraction: kallor,
                    passed: kallor >= 0.5, reason: "", findings: [], link: nil),
                RuleResult(
                    id: "mal", title: "Mål", category: "handling", severity: .warning, weight: 1, fraction: mal,
                    passed: mal >= 0.5, reason: "", findings: [], link: nil),
            ],
            notes: [])
    }

    @Test(
        "the start year is the first four-digit year standing on its own",
        arguments: [
            ("gäller under 2019", 2019), ("2023-09-01 – 2025-08-31", 2023), ("2021–2022", 2021),
            ("från 1 januari 2025 till 31 juni 2025", 2025), ("2019/2020", 2019), ("lovsta-2021.yaml", 2021),
            ("ekby-2025-2026.yaml", 2025),
        ])
    func startYear(_ text: String, _ year: Int) {
        #expect(Comparison.startYear(in: text) == year)
    }

    @Test(
        "text without a plausible year has none",
        arguments: ["", "gravlinge-utkast.yaml", "ärende 12345", "år 1799", "v20190", "3000 timmar"])
    func noStartYear(_ text: String) {
        #expect(Comparison.startYear(in: text) == nil)
    }

    @Test("criteria: categories with enabled rules and the enabled rules, in pack order")
    func criteria() throws {
        let comparison = Comparison(evaluations: [], pack: try Self.pack(), toolVersion: "0.0.0-test")
        #expect(comparison.categories.map(\.key) == ["grund", "handling"])
        #expect(comparison.categories.map(\.title) == ["Förankring", "Åtgärder"])
        #expect(comparison.rules.map(\.key) == ["kallor", "mal"])
        #expect(comparison.rules.map(\.category) == ["grund", "handling"])
        #expect(comparison.criteria(includingRules: true).map(\.key) == ["grund", "handling", "kallor", "mal"])
        #expect(comparison.pack == PackSummary(name: "jamforelse", version: "2.1.0", title: "Jämförelsepaket"))
        #expect(comparison.toolVersion == "0.0.0-test")
        #expect(comparison.areas.isEmpty)
    }

    @Test("promises group by area, trimmed and without regard to case; the latest spelling names the area")
    func groupsByArea() throws {
        let comparison = Comparison(
            evaluations: [
                Self.evaluation("a/lovsta-2021.yaml", area: "lövsta", period: "2021–2022", score: 80),
                Self.evaluation("b/ekby.yaml", area: "Ekby", period: "under 2025", score: 60),
                Self.evaluation("c/lovsta-2023.yaml", area: " Lövsta ", period: "2023", score: 90),
            ], pack: try Self.pack())
        #expect(comparison.areas.map(\.name) == ["Lövsta", "Ekby"])
        #expect(comparison.areas.map(\.groupedBy) == [.area, .area])
        #expect(comparison.areas[0].entries.map(\.path) == ["a/lovsta-2021.yaml", "c/lovsta-2023.yaml"])
        #expect(comparison.areas[0].entries.map(\.area) == ["lövsta", "Lövsta"])
        #expect(comparison.entries.count == 3)
    }

    @Test("a promise without an area is a group of its own, named by its path")
    func missingArea() throws {
        let comparison = Comparison(
            evaluations: [
                Self.evaluation("x/utan-omrade-2024.yaml", area: nil, period: nil, score: 70),
                Self.evaluation("x/tomt-omrade.yaml", area: "  ", period: "2022", score: 70),
                Self.evaluation("x/ekby.yaml", area: "Ekby", period: "2022", score: 40),
            ], pack: try Self.pack())
        #expect(comparison.areas.map(\.name) == ["x/tomt-omrade.yaml", "x/utan-omrade-2024.yaml", "Ekby"])
        #expect(comparison.areas.map(\.groupedBy) == [.path, .path, .area])
        #expect(comparison.areas.map(\.rank) == [1, 1, 3])
        #expect(comparison.areas[1].entries[0].year == 2024, "the year comes from the file name")
        #expect(comparison.areas[0].entries[0].area == nil)
    }

    @Test("within an area: by start year, from the period or else the file name; unknown years last")
    func ordersByYear() throws {
        let comparison = Comparison(
            evaluations: [
                Self.evaluation("s/sjovik-utkast.yaml", area: "Sjövik", period: "snart", score: 20),
                Self.evaluation("s/b.yaml", area: "Sjövik", period: "2023-01-01 – 2024-12-31", score: 70),
                Self.evaluation("s/sjovik-2019.yaml", area: "Sjövik", period: "gäller ett år", score: 30),
                Self.evaluation("s/a.yaml", area: "Sjövik", period: "gäller under 2021", score: 50),
                Self.evaluation("s/aa-2023.yaml", area: "Sjövik", period: nil, score: 60),
            ], pack: try Self.pack())
        let sjovik = try #require(comparison.areas.first)
        #expect(
            sjovik.entries.map(\.path) == [
                "s/sjovik-2019.yaml", "s/a.yaml", "s/aa-2023.yaml", "s/b.yaml", "s/sjovik-utkast.yaml",
            ])
        #expect(sjovik.entries.map(\.year) == [2019, 2021, 2023, 2023, nil])
        // The latest is the last promise with a known year, not the undated draft after it.
        #expect(sjovik.latestIndex == 3)
        #expect(sjovik.latest.path == "s/b.yaml")
        #expect(sjovik.latest.score == 70)
        #expect(sjovik.entries.map(\.change) == [nil, 20, 10, 10, nil])
        #expect(sjovik.scoreChange == 40)
    }

    @Test("areas rank by their latest promise's score; equal scores share a rank, ordered by name")
    func ranks() throws {
        let comparison = Comparison(
            evaluations: [
                Self.evaluation("1.yaml", area: "Dalby", period: "2024", score: 80),
                Self.evaluation("2.yaml", area: "Almby", period: "2020", score: 95),
                Self.evaluation("3.yaml", area: "Almby", period: "2024", score: 70),
                Self.evaluation("4.yaml", area: "Berga", period: "2024", score: 80),
                Self.evaluation("5.yaml", area: "Centrum", period: "2024", score: 99.5),
            ], pack: try Self.pack())
        #expect(comparison.areas.map(\.name) == ["Centrum", "Berga", "Dalby", "Almby"])
        #expect(comparison.areas.map(\.rank) == [1, 2, 2, 4])
        #expect(comparison.areas.map(\.latest.score) == [99.5, 80, 80, 70])
    }

    @Test("changes: per promise from the previous one, and per criterion from the first to the latest")
    func changes() throws {
        let comparison = Comparison(
            evaluations: [
                Self.evaluation(
                    "lovsta-2023.yaml", area: "Lövsta", period: "2023", score: 97.7, grund: 91.7, handling: 97.4,
                    kallor: 1, mal: 0.9744),
                Self.evaluation(
                    "lovsta-2019.yaml", area: "Lövsta", period: "2019", score: 38.6, grund: 12.5, handling: 7.7,
                    kallor: 0.25, mal: 0),
                Self.evaluation(
                    "lovsta-2021.yaml", area: "Lövsta", period: "2021", score: 87.6, grund: 50, handling: 96.6,
                    kallor: 0.5, mal: 0.6667),
            ], pack: try Self.pack())
        let lovsta = try #require(comparison.areas.first)
        #expect(lovsta.entries.map(\.year) == [2019, 2021, 2023])
        #expect(lovsta.entries.map(\.score) == [38.6, 87.6, 97.7])
        // Differences of one-decimal scores are themselves one-decimal numbers.
        #expect(lovsta.entries.map(\.change) == [nil, 49, 10.1])
        #expect(lovsta.hasChange)
        #expect(lovsta.scoreChange == 59.1)
        let grund = comparison.categories[0]
        let handling = comparison.categories[1]
        #expect(lovsta.change(for: grund) == 79.2)
        #expect(lovsta.change(for: handling) == 89.7)
        #expect(lovsta.entries.map { $0.value(for: comparison.rules[1]) } == [0, 66.7, 97.4])
        #expect(lovsta.change(for: comparison.rules[0]) == 75)
        #expect(lovsta.change(for: comparison.rules[1]) == 97.4)
    }

    @Test("one promise has no change; a category without a score has no value and no change; never -0")
    func missingValues() throws {
        let comparison = Comparison(
            evaluations: [
                Self.evaluation("ekby.yaml", area: "Ekby", period: "2025", score: 60, grund: nil),
                Self.evaluation("norr-2020.yaml", area: "Norr", period: nil, score: 50.1, grund: nil),
                Self.evaluation("norr-2022.yaml", area: "Norr", period: nil, score: 50.1, grund: 40),
            ], pack: try Self.pack())
        let ekby = try #require(comparison.areas.first { $0.name == "Ekby" })
        #expect(!ekby.hasChange)
        #expect(ekby.scoreChange == nil)
        #expect(ekby.entries.map(\.change) == [nil])
        #expect(ekby.latest.categoryScores == ["handling": 50])
        #expect(ekby.latest.value(for: comparison.categories[0]) == nil)
        #expect(ekby.change(for: comparison.categories[1]) == nil)
        let norr = try #require(comparison.areas.first { $0.name == "Norr" })
        #expect(norr.scoreChange == 0)
        #expect(norr.scoreChange?.sign == .plus)
        #expect(norr.change(for: comparison.categories[0]) == nil, "the first promise has no score for it")
        #expect(norr.change(for: comparison.categories[1]) == 0)
    }

    @Test("from a report: unreadable files are listed with their first error, the others compared")
    func fromReport() throws {
        let pack = try Self.pack()
        let report = Report(
            toolVersion: "9.9.9", packs: [],
            files: [
                FileReport(
                    path: "trasig.yaml", evaluation: nil,
                    diagnostics: [
                        Diagnostic(.warning, "unknown key 'x'", path: "trasig.yaml", code: "promise.unknown-key"),
                        Diagnostic(.error, "duplicate key 'area'", path: "trasig.yaml", code: "yaml.duplicate-key"),
                    ]),
                FileReport(
                    path: "ekby.yaml",
                    evaluation: Self.evaluation("ekby.yaml", area: "Ekby", period: "2025", score: 75),
                    diagnostics: []),
                FileReport(path: "tom.yaml", evaluation: nil, diagnostics: []),
            ], diagnostics: [])
        let comparison = Comparison(report: report, pack: pack)
        #expect(comparison.toolVersion == "9.9.9")
        #expect(comparison.areas.map(\.name) == ["Ekby"])
        #expect(
            comparison.notCompared == [
                Comparison.NotCompared(path: "trasig.yaml", reason: "duplicate key 'area'"),
                Comparison.NotCompared(path: "tom.yaml", reason: "could not be read"),
            ])
    }
}

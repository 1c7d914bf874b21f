import Foundation

@testable import PromiseCheck

/// Hand-made comparisons with fixed numbers, paths and version, so comparison output is exact.
enum SampleComparisons {
    static let packYAML = """
        pack: golden
        version: "1.2"
        title: Guldpaket för tester
        categories: {innehall: Innehåll, sprak: Språk}
        rules:
          - id: lagesbild
            title: Lägesbilden är beskriven
            category: innehall
            severity: error
            weight: 3
            check: present
            with: {field: situation}
            message: ingen lägesbild
          - id: tomma-ord
            title: Inga tomma ord
            category: sprak
            severity: warning
            weight: 1
            check: present
            with: {field: title}
            message: tomma ord

        """

    /// The pack, loaded from a temporary copy of `packYAML`.
    static let pack: RulePack = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "promisecheck-golden-pack-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pack.yaml")
        try? Data(packYAML.utf8).write(to: file)
        guard let pack = PackLoader(locator: PackLocator(searchPaths: [])).load(file: file.path).pack else {
            fatalError("the sample pack does not load")
        }
        return pack
    }()

    static func evaluation(
        _ path: String, area: String?, period: String?, score: Double, grade: String, innehall: Double?,
        sprak: Double, lagesbild: Double, tommaOrd: Double
    ) -> DocumentEvaluation {
        DocumentEvaluation(
            path: path, format: .yaml, area: area, title: nil, period: period, score: score, grade: grade,
            categories: [
                CategoryScore(key: "innehall", title: "Innehåll", score: innehall),
                CategoryScore(key: "sprak", title: "Språk", score: sprak),
            ],
            rules: [
                RuleResult(
                    id: "lagesbild", title: "Lägesbilden är beskriven", category: "innehall", severity: .error,
                    weight: 3, fraction: lagesbild, passed: lagesbild >= 0.5, reason: "", findings: [], link: nil),
                RuleResult(
                    id: "tomma-ord", title: "Inga tomma ord", category: "sprak", severity: .warning, weight: 1,
                    fraction: tommaOrd, passed: tommaOrd >= 0.5, reason: "", findings: [], link: nil),
            ],
            notes: [])
    }

    /// Lövsta over three periods (rising, with a fall in one category), Ekby once, an area whose
    /// name and period need escaping in every format and whose first category has no score, a
    /// promise with no area and no year, and a file that could not be read.
    static let full = Comparison(
        evaluations: [
            evaluation(
                "promises/lovsta-2021.yaml", area: "Lövsta", period: "2021–2022", score: 87.6, grade: "B",
                innehall: 90, sprak: 80.4, lagesbild: 0.9, tommaOrd: 0.8044),
            evaluation(
                "promises/ekby-2025.yaml", area: "Ekby", period: "2025-01-01 – 2025-12-31", score: 61.9,
                grade: "C", innehall: 80, sprak: 16.7, lagesbild: 0.8, tommaOrd: 1.0 / 6.0),
            evaluation(
                "promises/lovsta-2019.yaml", area: "Lövsta", period: "gäller under 2019", score: 38.6, grade: "E",
                innehall: 25, sprak: 100, lagesbild: 0.25, tommaOrd: 1),
            evaluation(
                "promises/norr-och-soder.yaml", area: "Norr & Söder <Väst>", period: "gäller \"2024\", med revidering",
                score: 50, grade: "D", innehall: nil, sprak: 50, lagesbild: 0, tommaOrd: 0.5),
            evaluation(
                "promises/lovsta-2023.yaml", area: "Lövsta", period: "2023-09-01 – 2025-08-31", score: 97.7,
                grade: "A", innehall: 100, sprak: 90.8, lagesbild: 1, tommaOrd: 0.9077),
            evaluation(
                "promises/utan-omrade.yaml", area: nil, period: nil, score: 61.9, grade: "C", innehall: 75,
                sprak: 20, lagesbild: 0.75, tommaOrd: 0.2),
        ], pack: pack,
        notCompared: [
            Comparison.NotCompared(path: "promises/trasig.yaml", reason: "duplicate key 'title' (first defined at 2:1)")
        ], toolVersion: "0.0.0-test")

    /// No promises at all.
    static let empty = Comparison(evaluations: [], pack: pack, toolVersion: "0.0.0-test")
}

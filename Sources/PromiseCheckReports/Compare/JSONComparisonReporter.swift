import Foundation
import PromiseCheck

/// The comparison for programs: one versioned JSON document with sorted keys.
///
/// It always carries every area, promise, category score and rule percentage, whatever the
/// options; `by` records the view that was asked for. Its shape is documented in
/// docs/report-format.md under "compare"; `version` changes when a field changes meaning or
/// goes away (new fields may appear without a change).
public struct JSONComparisonReporter: ComparisonReporter {
    public static let formatVersion = 1

    public init() {}

    public func render(_ comparison: Comparison, options: ComparisonOptions) -> String {
        JSONText.encode(JSONComparison(comparison, options: options))
    }
}

/// The Codable shape of the JSON comparison.
struct JSONComparison: Encodable {
    typealias Tool = JSONToolInfo
    typealias Pack = JSONPackInfo

    struct Criterion: Encodable {
        var key: String
        var title: String
        var category: String?
    }

    struct Criteria: Encodable {
        var categories: [Criterion]
        var rules: [Criterion]
    }

    struct Promise: Encodable {
        var path: String
        var title: String?
        var period: String?
        var year: Int?
        var score: Double
        var grade: String
        var change: Double?
        var categories: [String: Double]
        var rules: [String: Double]
    }

    struct Change: Encodable {
        var from_year: Int?
        var to_year: Int?
        var score: Double
        var categories: [String: Double]
        var rules: [String: Double]
    }

    struct Area: Encodable {
        var rank: Int
        var name: String
        var grouped_by: String
        var score: Double
        var grade: String
        var latest: Int
        var change: Change?
        var promises: [Promise]
    }

    struct NotCompared: Encodable {
        var path: String
        var reason: String
    }

    struct Summary: Encodable {
        var areas: Int
        var promises: Int
        var not_compared: Int
    }

    var version = JSONComparisonReporter.formatVersion
    var tool: Tool
    var pack: Pack
    var by: String
    var criteria: Criteria
    var areas: [Area]
    var not_compared: [NotCompared]
    var summary: Summary

    init(_ comparison: Comparison, options: ComparisonOptions) {
        tool = Tool(version: comparison.toolVersion)
        pack = Pack(name: comparison.pack.name, version: comparison.pack.version, title: comparison.pack.title)
        by = options.view.rawValue
        criteria = Criteria(
            categories: comparison.categories.map { Criterion(key: $0.key, title: $0.title) },
            rules: comparison.rules.map { Criterion(key: $0.key, title: $0.title, category: $0.category) })
        areas = comparison.areas.map { area in
            var change: Change?
            if let score = area.scoreChange {
                func changes(_ criteria: [Comparison.Criterion]) -> [String: Double] {
                    var values: [String: Double] = [:]
                    for criterion in criteria { values[criterion.key] = area.change(for: criterion) }
                    return values
                }
                change = Change(
                    from_year: area.first.year, to_year: area.latest.year, score: score,
                    categories: changes(comparison.categories), rules: changes(comparison.rules))
            }
            return Area(
                rank: area.rank, name: area.name, grouped_by: area.groupedBy.rawValue, score: area.latest.score,
                grade: area.latest.grade, latest: area.latestIndex, change: change,
                promises: area.entries.map {
                    Promise(
                        path: $0.path, title: $0.title, period: $0.period, year: $0.year, score: $0.score,
                        grade: $0.grade, change: $0.change, categories: $0.categoryScores,
                        rules: $0.rulePercentages)
                })
        }
        not_compared = comparison.notCompared.map { NotCompared(path: $0.path, reason: $0.reason) }
        summary = Summary(
            areas: comparison.areas.count, promises: comparison.entries.count,
            not_compared: comparison.notCompared.count)
    }
}

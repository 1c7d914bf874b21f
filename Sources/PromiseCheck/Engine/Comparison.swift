import Foundation

/// Promises compared between areas and over time: a pure function of evaluations and their pack.
///
/// Promises are grouped by area (trimmed, compared without regard to case); a promise without
/// an area is a group of its own, named by its path. Within a group, promises are ordered by
/// start year (the first four-digit year of the period, else of the file name), promises whose
/// year is unknown last. An area's *latest* promise is its last one with a known year (or its
/// last one when no year is known); areas are ranked by the latest promise's score, equal
/// scores sharing a rank. Every number is rounded to one decimal, so differences of rounded
/// scores print without binary noise.
public struct Comparison: Sendable {
    public var toolVersion: String
    public var pack: PackSummary
    /// The pack's categories that have enabled rules, in pack order.
    public var categories: [Criterion]
    /// The pack's enabled rules, in pack order.
    public var rules: [Criterion]
    /// Ranked: the best latest score first.
    public var areas: [Area]
    /// Files that could not be evaluated, in input order.
    public var notCompared: [NotCompared]

    /// What a column of the comparison shows.
    public struct Criterion: Sendable, Hashable {
        public enum Kind: String, Sendable {
            case category
            case rule
        }

        public var kind: Kind
        /// The category key or the rule id.
        public var key: String
        public var title: String
        /// A rule's category key; nil for a category.
        public var category: String?

        public init(kind: Kind, key: String, title: String, category: String? = nil) {
            self.kind = kind
            self.key = key
            self.title = title
            self.category = category
        }
    }

    /// How a group of promises got together.
    public enum Grouping: String, Sendable {
        /// By the promises' `area`.
        case area
        /// A promise with no area, alone under its path.
        case path
    }

    /// One promise.
    public struct Entry: Sendable {
        public var path: String
        /// The area as the promise names it, trimmed; nil when it names none.
        public var area: String?
        public var title: String?
        public var period: String?
        /// The start year, when the period or the file name has one.
        public var year: Int?
        /// 0–100, one decimal.
        public var score: Double
        public var grade: String
        /// Category key → score 0–100; a category whose rules weigh nothing has no entry.
        public var categoryScores: [String: Double]
        /// Rule id → the rule's fraction as a percentage, one decimal.
        public var rulePercentages: [String: Double]
        /// The score minus the previous promise's score; nil for the first promise and for one
        /// whose year is unknown.
        public var change: Double?

        /// The cell value for a column: a category score or a rule percentage.
        public func value(for criterion: Criterion) -> Double? {
            switch criterion.kind {
            case .category: categoryScores[criterion.key]
            case .rule: rulePercentages[criterion.key]
            }
        }
    }

    /// The promises of one area, oldest first.
    public struct Area: Sendable {
        /// The area's name, or the path of a promise that names no area.
        public var name: String
        public var groupedBy: Grouping
        /// 1 for the best latest score; equal scores share a rank.
        public var rank: Int
        public var entries: [Entry]
        /// The index in `entries` of the latest promise with a known year (else the last one).
        public var latestIndex: Int

        public var latest: Entry { entries[latestIndex] }
        public var first: Entry { entries[0] }

        /// Whether there are two promises to compare, the first and the latest.
        public var hasChange: Bool { latestIndex > 0 }

        /// The latest promise's score minus the first's; nil with only one promise.
        public var scoreChange: Double? {
            hasChange ? Comparison.difference(latest.score, first.score) : nil
        }

        /// The latest promise's value minus the first's for a column; nil when either has none.
        public func change(for criterion: Criterion) -> Double? {
            guard hasChange, let from = first.value(for: criterion), let to = latest.value(for: criterion) else {
                return nil
            }
            return Comparison.difference(to, from)
        }
    }

    /// A file left out because it could not be read.
    public struct NotCompared: Sendable, Hashable {
        public var path: String
        /// The first error reading it, without the path.
        public var reason: String

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    public init(
        evaluations: [DocumentEvaluation], pack: RulePack, notCompared: [NotCompared] = [],
        toolVersion: String = PromiseCheckVersion.current
    ) {
        self.toolVersion = toolVersion
        self.pack = PackSummary(name: pack.name, version: pack.version, title: pack.title)
        let enabled = pack.enabledRules
        categories = pack.categories.filter { category in enabled.contains { $0.category == category.key } }
            .map { Criterion(kind: .category, key: $0.key, title: $0.title) }
        rules = enabled.map { Criterion(kind: .rule, key: $0.id, title: $0.title, category: $0.category) }
        self.notCompared = notCompared
        areas = Self.group(evaluations)
    }

    /// Compares the evaluated files of a report; files that could not be read are listed.
    public init(report: Report, pack: RulePack) {
        let skipped = report.files.filter { $0.evaluation == nil }.map { file in
            let error = file.diagnostics.first { $0.severity == .error } ?? file.diagnostics.first
            return NotCompared(path: file.path, reason: error?.message ?? "could not be read")
        }
        self.init(evaluations: report.evaluations, pack: pack, notCompared: skipped, toolVersion: report.toolVersion)
    }

    /// Every promise of every area, in area order.
    public var entries: [Entry] { areas.flatMap(\.entries) }

    /// Categories, then rules when `includingRules`.
    public func criteria(includingRules: Bool) -> [Criterion] {
        includingRules ? categories + rules : categories
    }

    // MARK: Building

    private static func group(_ evaluations: [DocumentEvaluation]) -> [Area] {
        var order: [String] = []
        var groups: [String: (name: String, grouping: Grouping, entries: [Entry])] = [:]
        for evaluation in evaluations {
            let area = evaluation.area?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let grouping: Grouping = area.isEmpty ? .path : .area
            let key = grouping == .area ? "area:" + area.lowercased() : "path:" + evaluation.path
            if groups[key] == nil {
                order.append(key)
                groups[key] = (grouping == .area ? area : evaluation.path, grouping, [])
            }
            groups[key]?.entries.append(entry(evaluation))
        }
        var areas: [Area] = order.compactMap { key in
            guard let group = groups[key] else { return nil }
            var entries = group.entries.sorted { a, b in
                switch (a.year, b.year) {
                case (let x?, let y?) where x != y: return x < y
                case (.some, nil): return true
                case (nil, .some): return false
                default: return a.path < b.path
                }
            }
            for index in entries.indices.dropFirst() where entries[index].year != nil {
                entries[index].change = difference(entries[index].score, entries[index - 1].score)
            }
            let latestIndex = entries.lastIndex { $0.year != nil } ?? entries.count - 1
            var name = group.name
            // The latest promise's spelling names an area written differently over the years.
            if group.grouping == .area, let area = entries[latestIndex].area { name = area }
            return Area(name: name, groupedBy: group.grouping, rank: 0, entries: entries, latestIndex: latestIndex)
        }
        areas.sort { a, b in
            if a.latest.score != b.latest.score { return a.latest.score > b.latest.score }
            let (x, y) = (a.name.lowercased(), b.name.lowercased())
            return x != y ? x < y : a.name < b.name
        }
        for index in areas.indices {
            let tied = index > 0 && areas[index - 1].latest.score == areas[index].latest.score
            areas[index].rank = tied ? areas[index - 1].rank : index + 1
        }
        return areas
    }

    private static func entry(_ evaluation: DocumentEvaluation) -> Entry {
        var categoryScores: [String: Double] = [:]
        for category in evaluation.categories {
            if let score = category.score { categoryScores[category.key] = rounded(score) }
        }
        var rulePercentages: [String: Double] = [:]
        for rule in evaluation.rules { rulePercentages[rule.id] = rounded(rule.fraction * 100) }
        let fileName = PathNames.lastComponent(of: evaluation.path)
        let area = evaluation.area?.trimmingCharacters(in: .whitespacesAndNewlines)
        return Entry(
            path: evaluation.path, area: area?.isEmpty == false ? area : nil, title: evaluation.title,
            period: evaluation.period,
            year: evaluation.period.flatMap(startYear(in:)) ?? startYear(in: fileName),
            score: rounded(evaluation.score), grade: evaluation.grade, categoryScores: categoryScores,
            rulePercentages: rulePercentages, change: nil)
    }

    /// The first four-digit number from 1800 to 2999 standing on its own (not part of a longer number).
    public static func startYear(in text: String) -> Int? {
        let scalars = Array(text.unicodeScalars)
        func isDigit(_ index: Int) -> Bool {
            index >= 0 && index < scalars.count && ("0"..."9").contains(scalars[index])
        }
        var index = 0
        while index + 4 <= scalars.count {
            if (index..<index + 4).allSatisfy(isDigit), !isDigit(index - 1), !isDigit(index + 4),
                let year = Int(String(String.UnicodeScalarView(scalars[index..<index + 4]))),
                (1800...2999).contains(year)
            {
                return year
            }
            index += 1
        }
        return nil
    }

    static func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    /// `to - from`, to one decimal.
    static func difference(_ to: Double, _ from: Double) -> Double {
        let change = rounded(to - from)
        return change == 0 ? 0 : change  // never -0
    }
}

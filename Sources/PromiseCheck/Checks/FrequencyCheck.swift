/// Finds how often something happens, normalised to times a year.
///
/// Each `frequencies` term carries its times a year; a `{n}` in it multiplies by the number
/// found there ("{n} stycken/halvår": 2 makes "två stycken/halvår" 4 times a year). A month
/// name followed by a year ("i december 2025") is a dated occasion, once a year. The highest
/// frequency found is the item's. When there is none, the `vague` terms found are the problems,
/// so a finding points at "kontinuerligt" rather than at the whole section.
public struct FrequencyCheck: Check {
    public static let kind = CheckKind(
        name: "frequency",
        summary:
            "Finds frequencies from a lexicon of terms with their times a year (`{n}` multiplies), and dated occasions (a month and a year, once a year). Passes when the highest is above 0 and at least `min_per_year`.",
        parameters: [
            ParameterSpec(
                "frequencies", .lexicon, required: true,
                "terms with their times a year; a `{n}` in a term multiplies its value"),
            ParameterSpec("number_words", .lexicon, "number words that fill `{n}`, with their values"),
            ParameterSpec(
                "vague", .lexicon, "terms that are no frequency, reported when none is found, e.g. kontinuerligt"),
            ParameterSpec(
                "months", .lexicon, "month names with their numbers 1–12; a month name and a year count once a year"),
            ParameterSpec(
                "min_per_year", .number, "the fewest times a year that pass; default 0 (any frequency above 0)"),
        ],
        variables: ["per_year", "frequency", "min", "match"])

    let frequencies: PhraseMatcher
    let vague: PhraseMatcher?
    let months: WordTable<Int>
    let minimum: Double

    public var phraseMatchers: [PhraseMatcher] { [frequencies] + (vague.map { [$0] } ?? []) }

    public init(parameters: CheckParameters) throws(CheckConfigurationError) {
        guard let lexicon = try parameters.lexicon("frequencies") else {
            throw CheckConfigurationError("check 'frequency' needs 'frequencies'", at: parameters.location)
        }
        for entry in lexicon.entries {
            guard let value = entry.value else {
                throw CheckConfigurationError(
                    "term '\(entry.term)' of lexicon '\(lexicon.name)' has no value; 'frequencies' needs times a year for each term (term: value)",
                    at: parameters.location(of: "frequencies"))
            }
            guard value.isFinite, value >= 0 else {
                throw CheckConfigurationError(
                    "term '\(entry.term)' of lexicon '\(lexicon.name)' has value \(NumberReader.format(value)); times a year cannot be negative",
                    at: parameters.location(of: "frequencies"))
            }
        }
        let numberWords = try parameters.lexicon("number_words")?.wordValues ?? [:]
        frequencies = PhraseMatcher(lexicon, numberWords: numberWords)
        vague = try parameters.lexicon("vague").map { PhraseMatcher($0) }
        months = try DateReading.monthNumbers(parameters, "months")
        minimum = parameters.number("min_per_year") ?? 0
        try parameters.require("min_per_year", atLeast: 0)
    }

    /// A frequency found in the text.
    struct Found {
        var hit: Hit
        var perYear: Double
        /// Its first token, for text order.
        var start: Int
    }

    public func evaluate(_ item: ScopeItem, in document: Document) -> CheckOutcome {
        let found = frequencies(in: item.text)
        let evidence = found.map(\.hit)
        var variables: MessageVariables = ["min": NumberReader.format(minimum)]
        guard let best = found.max(by: { $0.perYear < $1.perYear }), best.perYear > 0 else {
            let problems = (vague?.matches(in: item.text) ?? []).map(item.text.hit(for:))
            variables["per_year"] = "0"
            if let first = problems.first { variables["match"] = first.excerpt }
            let vagueList = problems.isEmpty ? "" : "; vague: " + LexiconCheck.summarize(problems).dropFirst(2)
            return CheckOutcome(
                fraction: 0, reason: "no frequency found\(vagueList)", evidence: evidence, problems: problems,
                variables: variables)
        }
        let perYear = NumberReader.format(best.perYear)
        variables["per_year"] = perYear
        variables["frequency"] = best.hit.excerpt
        variables["match"] = best.hit.excerpt
        let stated = "\(perYear) \(best.perYear == 1 ? "time" : "times") a year (\"\(best.hit.excerpt)\")"
        if best.perYear < minimum {
            return CheckOutcome(
                fraction: CheckOutcome.shortfall(best.perYear, of: minimum),
                reason: "\(stated), below the \(variables["min"] ?? "") needed",
                evidence: evidence, variables: variables)
        }
        let needed = minimum > 0 ? "; \(variables["min"] ?? "") needed" : ""
        return CheckOutcome(fraction: 1, reason: stated + needed, evidence: evidence, variables: variables)
    }

    /// Every frequency term and dated occasion in `text`, in text order.
    func frequencies(in text: TokenizedText) -> [Found] {
        var found: [Found] = []
        for match in frequencies.matches(in: text) {
            var perYear = (match.entry.value ?? 0) * (match.number ?? 1)
            if !perYear.isFinite { perYear = perYear > 0 ? Double.greatestFiniteMagnitude : 0 }
            var hit = text.hit(for: match)
            hit.variables["per_year"] = NumberReader.format(perYear)
            found.append(Found(hit: hit, perYear: perYear, start: match.tokens.lowerBound))
        }
        guard !months.isEmpty else { return found }
        let reader = DateReader(text: text, months: months)
        var index = 0
        while index < text.tokens.count {
            guard let date = reader.read(at: index) else {
                index += 1
                continue
            }
            index = date.tokens.upperBound
            let isNamed =
                reader.month(at: date.tokens.lowerBound) != nil || reader.month(at: date.tokens.lowerBound + 1) != nil
            guard isNamed, date.year != nil, date.isPossible else { continue }
            let excerpt = text.excerpt(date.tokens)
            let hit = Hit(
                location: text.location(of: text.tokens[date.tokens.lowerBound]), excerpt: excerpt,
                variables: ["match": excerpt, "per_year": "1"])
            found.append(Found(hit: hit, perYear: 1, start: date.tokens.lowerBound))
        }
        return found.sorted { $0.start < $1.start }
    }
}

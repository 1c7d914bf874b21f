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
        let numberWords = try parameters.lexicon("number_words")
        frequencies = parameters.phraseMatcher(
            lexicon, of: "frequencies", numberWords: numberWords, of: "number_words")
        vague = try parameters.lexicon("vague").map { parameters.phraseMatcher($0, of: "vague") }
        months = try DateReading.monthNumbers(parameters, "months")
        minimum = parameters.number("min_per_year") ?? 0
        try parameters.require("min_per_year", atLeast: 0)
    }

    /// A frequency found in the text.
    struct Found {
        /// The tokens it covers, from its first, for text order.
        var tokens: Range<Int>
        var perYear: Double

        /// The hit for it in `text`, with `match` and `per_year`.
        func hit(in text: TokenizedText) -> Hit {
            let excerpt = text.excerpt(tokens)
            return Hit(
                location: text.location(of: text.tokens[tokens.lowerBound]), excerpt: excerpt,
                variables: ["match": excerpt, "per_year": NumberReader.format(perYear)])
        }
    }

    public func evaluate(_ item: ScopeItem, in document: Document) -> CheckOutcome {
        let found = frequencies(in: item.text)
        guard let best = found.max(by: { $0.perYear < $1.perYear }), best.perYear > 0 else {
            let vague = vague?.found(in: item.text) ?? []
            return CheckOutcome(
                fraction: 0, details: Details(minimum: minimum, text: item.text, found: found, best: nil, vague: vague))
        }
        let fraction = best.perYear < minimum ? CheckOutcome.shortfall(best.perYear, of: minimum) : 1
        return CheckOutcome(
            fraction: fraction, details: Details(minimum: minimum, text: item.text, found: found, best: best, vague: [])
        )
    }

    /// An outcome's parts: every frequency found is evidence; without one, the vague terms are
    /// the problems.
    final class Details: OutcomeDetails {
        let minimum: Double
        let text: TokenizedText
        let found: [Found]
        /// The highest frequency, nil when none is above 0.
        let best: Found?
        let vague: PhraseMatcher.FoundList

        init(minimum: Double, text: TokenizedText, found: [Found], best: Found?, vague: PhraseMatcher.FoundList) {
            self.minimum = minimum
            self.text = text
            self.found = found
            self.best = best
            self.vague = vague
        }

        var reason: String {
            var reason = ReasonText(capacity: 64)
            guard let best else {
                reason.append("no frequency found")
                if !vague.isEmpty {
                    // The summary starts with ": ".
                    reason.append("; vague")
                    LexiconCheck.summarize(excerpts: vague.lazy.map { self.text.excerpt($0.tokens) }, into: &reason)
                }
                return reason.text
            }
            reason.append(NumberReader.format(best.perYear))
            reason.append(best.perYear == 1 ? " time a year (\"" : " times a year (\"")
            reason.append(text.excerpt(best.tokens))
            reason.append("\")")
            if best.perYear < minimum {
                reason.append(", below the ")
            } else if minimum > 0 {
                reason.append("; ")
            } else {
                return reason.text
            }
            reason.append(NumberReader.format(minimum))
            reason.append(" needed")
            return reason.text
        }

        var evidence: [Hit] { found.map { $0.hit(in: text) } }
        var problems: [Hit] { best == nil ? vague.map { text.hit(covering: $0.tokens) } : [] }

        var variables: MessageVariables { addedVariables(capacity: 4) }

        /// Excerpts are only made for names `variables` has no value for.
        func addVariables(to variables: inout MessageVariables) {
            variables.setIfAbsent("min", NumberReader.format(minimum))
            guard let best else {
                variables.setIfAbsent("per_year", "0")
                if let first = vague.first { variables.setIfAbsent("match", text.excerpt(first.tokens)) }
                return
            }
            variables.setIfAbsent("per_year", NumberReader.format(best.perYear))
            guard variables["frequency"] == nil || variables["match"] == nil else { return }
            let excerpt = text.excerpt(best.tokens)
            variables.setIfAbsent("frequency", excerpt)
            variables.setIfAbsent("match", excerpt)
        }
    }

    /// Every frequency term and dated occasion in `text`, in text order.
    func frequencies(in text: TokenizedText) -> [Found] {
        var found: [Found] = []
        let entries = frequencies.lexicon.entries
        for match in frequencies.found(in: text) {
            var perYear = (entries[match.entry].value ?? 0) * (match.number ?? 1)
            if !perYear.isFinite { perYear = perYear > 0 ? Double.greatestFiniteMagnitude : 0 }
            found.append(Found(tokens: match.tokens, perYear: perYear))
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
            found.append(Found(tokens: date.tokens, perYear: 1))
        }
        return found.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }
}

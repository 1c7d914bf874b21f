/// Named people with recognised roles stand behind the promise, from each required party.
public struct SignatoriesCheck: Check {
    public static let kind = CheckKind(
        name: "signatories",
        summary:
            "Counts signatories with both a name (at least two words) and a role. Passes with at least `min`, and one from each group of `parties` (groups of the `roles` lexicon).",
        parameters: [
            ParameterSpec("roles", .lexicon, "a grouped lexicon: party group → role titles"),
            ParameterSpec("min", .integer, "the fewest complete signatories that pass; default 2"),
            ParameterSpec("parties", .strings, "role groups that must each have a complete signatory"),
        ],
        variables: ["count", "min", "missing", "name", "role"])

    let roles: PhraseMatcher?
    let minimum: Int
    let parties: [String]

    public init(parameters: CheckParameters) throws(CheckConfigurationError) {
        let lexicon = try parameters.lexicon("roles")
        roles = lexicon.map { PhraseMatcher($0) }
        minimum = parameters.integer("min") ?? 2
        parties = parameters.strings("parties") ?? []
        try parameters.require("min", atLeast: 1)
        if let lexicon {
            for party in parties where !lexicon.groups.contains(party) {
                throw CheckConfigurationError(
                    "party '\(party)' is not a group of lexicon '\(lexicon.name)'\(Suggestion.phrase(for: party, in: lexicon.groups))",
                    at: parameters.location(of: "parties"))
            }
        } else if !parties.isEmpty {
            throw CheckConfigurationError(
                "'parties' needs a 'roles' lexicon to group roles by party", at: parameters.location(of: "parties"))
        }
    }

    public func evaluate(_ item: ScopeItem, in document: Document) -> CheckOutcome {
        let signatories = item.signatory.map { [$0] } ?? document.signatories
        var complete = 0
        var covered: Set<String> = []
        var problems: [Hit] = []
        var evidence: [Hit] = []
        for signatory in signatories {
            let name = signatory.name.flatMap { Self.isName($0.text) ? $0 : nil }
            let role = signatory.role.flatMap { $0.isBlank ? nil : $0 }
            let groups = role.map(groups(of:)) ?? []
            let recognised = roles == nil || !groups.isEmpty
            if let name, let role, recognised {
                complete += 1
                covered.formUnion(groups)
                evidence.append(Hit(location: name.location, excerpt: "\(name.text), \(role.text)"))
            } else {
                let problem =
                    name == nil
                    ? "no name" : (role == nil ? "no role" : "role '\(role?.text ?? "")' is not a known title")
                problems.append(
                    Hit(
                        location: signatory.location, excerpt: signatory.spans.map(\.text).joined(separator: ", "),
                        variables: [
                            "name": signatory.name?.text ?? "", "role": signatory.role?.text ?? "", "match": problem,
                        ]))
            }
        }
        let missing = parties.filter { !covered.contains($0) }
        let countShare = CheckOutcome.shortfall(Double(complete), of: Double(minimum))
        let partyShare = CheckOutcome.shortfall(Double(parties.count - missing.count), of: Double(parties.count))
        var reason = "\(complete) named signatories with a role; \(minimum) needed"
        if !missing.isEmpty { reason += "; none for \(missing.joined(separator: ", "))" }
        return CheckOutcome(
            fraction: min(countShare, partyShare), reason: reason, evidence: evidence, problems: problems,
            variables: ["count": String(complete), "min": String(minimum), "missing": missing.joined(separator: ", ")])
    }

    private func groups(of role: Span) -> Set<String> {
        guard let roles else { return [] }
        return Set(roles.matches(in: TokenizedText([role])).compactMap(\.entry.group))
    }

    /// A name is at least two words whose first and last start with a capital letter, so
    /// particles between them ("Carl von Platen") are allowed.
    static func isName(_ text: String) -> Bool {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        guard words.count >= 2, let first = words.first, let last = words.last else { return false }
        return (first.first?.isUppercase ?? false) && (last.first?.isUppercase ?? false)
    }
}

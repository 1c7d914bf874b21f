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
        roles = lexicon.map { parameters.phraseMatcher($0, of: "roles") }
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
        // The groups of the complete signatories' roles: a few names, so a list.
        var covered: [String] = []
        var standings: [Standing] = []
        standings.reserveCapacity(signatories.count)
        for signatory in signatories {
            guard let name = signatory.name, Self.isName(name.text) else {
                standings.append(.noName)
                continue
            }
            guard let role = signatory.role, !role.isBlank else {
                standings.append(.noRole)
                continue
            }
            guard addGroups(of: role, to: &covered) else {
                standings.append(.unknownRole)
                continue
            }
            complete += 1
            standings.append(.complete)
        }
        let missing = parties.filter { !covered.contains($0) }
        let countShare = CheckOutcome.shortfall(Double(complete), of: Double(minimum))
        let partyShare = CheckOutcome.shortfall(Double(parties.count - missing.count), of: Double(parties.count))
        return CheckOutcome(
            fraction: min(countShare, partyShare),
            details: Details(
                signatories: signatories, standings: standings, complete: complete, minimum: minimum, missing: missing))
    }

    /// What a signatory lacks, if anything.
    enum Standing {
        case complete, noName, noRole, unknownRole
    }

    /// An outcome's parts, from each signatory's standing.
    final class Details: OutcomeDetails {
        let signatories: [Signatory]
        let standings: [Standing]
        let complete: Int
        let minimum: Int
        let missing: [String]

        init(signatories: [Signatory], standings: [Standing], complete: Int, minimum: Int, missing: [String]) {
            self.signatories = signatories
            self.standings = standings
            self.complete = complete
            self.minimum = minimum
            self.missing = missing
        }

        var reason: String {
            var reason = ReasonText(capacity: 64)
            reason.append(complete)
            reason.append(" named signatories with a role; ")
            reason.append(minimum)
            reason.append(" needed")
            for (position, party) in missing.enumerated() {
                reason.append(position == 0 ? "; none for " : ", ")
                reason.append(party)
            }
            return reason.text
        }

        var evidence: [Hit] {
            zip(signatories, standings).compactMap { signatory, standing in
                guard standing == .complete, let name = signatory.name, let role = signatory.role else { return nil }
                return Hit(location: name.location, excerpt: "\(name.text), \(role.text)")
            }
        }

        var problems: [Hit] {
            zip(signatories, standings).compactMap { signatory, standing in
                let problem: String
                switch standing {
                case .complete: return nil
                case .noName: problem = "no name"
                case .noRole: problem = "no role"
                case .unknownRole: problem = "role '\(signatory.role?.text ?? "")' is not a known title"
                }
                return Hit(
                    location: signatory.location, excerpt: signatory.spans.map(\.text).joined(separator: ", "),
                    variables: [
                        "name": signatory.name?.text ?? "", "role": signatory.role?.text ?? "", "match": problem,
                    ])
            }
        }

        var variables: MessageVariables {
            ["count": String(complete), "min": String(minimum), "missing": missing.joined(separator: ", ")]
        }
    }

    /// Adds the groups of `role`'s titles that `covered` lacks to it; whether the role is
    /// recognised (always, without a `roles` lexicon).
    private func addGroups(of role: Span, to covered: inout [String]) -> Bool {
        guard let roles else { return true }
        let found = roles.found(in: TokenizedText([role]))
        // By entry index: the matches' entries are not copied.
        for match in found {
            guard let group = roles.lexicon.entries[match.entry].group else { continue }
            if !covered.contains(group) { covered.append(group) }
        }
        return found.contains { roles.lexicon.entries[$0.entry].group != nil }
    }

    /// A name is at least two words whose first and last start with a capital letter, so
    /// particles between them ("Carl von Platen") are allowed.
    static func isName(_ text: String) -> Bool {
        latin1IsName(text) ?? referenceIsName(text)
    }

    /// ``isName(_:)`` over the UTF-8 of text whose scalars all lie below U+0100, where each is a
    /// character of its own (CR LF is white space either way): white space is tab to carriage
    /// return, space, U+0085 and no-break space, capitals A–Z, À–Þ but ×, ª and º. Nil for other
    /// text.
    static func latin1IsName(_ text: String) -> Bool? {
        let result = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            var words = 0
            var firstIsCapital = false
            var lastIsCapital = false
            var inWord = false
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                let scalar: UInt32
                if lead < 0x80 {
                    scalar = UInt32(lead)
                    index += 1
                } else if lead == 0xC2 || lead == 0xC3, index + 1 < bytes.count {
                    scalar = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                    index += 2
                } else {
                    return nil
                }
                if (0x09...0x0D).contains(scalar) || scalar == 0x20 || scalar == 0x85 || scalar == 0xA0 {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    words += 1
                    // ª and º count too: `Character.isUppercase` takes cased letters that upper
                    // case leaves alone.
                    let isCapital =
                        (0x41...0x5A).contains(scalar) || ((0xC0...0xDE).contains(scalar) && scalar != 0xD7)
                        || scalar == 0xAA || scalar == 0xBA
                    if words == 1 { firstIsCapital = isCapital }
                    lastIsCapital = isCapital
                }
            }
            return words >= 2 && firstIsCapital && lastIsCapital
        }
        return result ?? nil
    }

    /// ``isName(_:)`` by splitting into `Character` words; what the byte walk must agree with.
    static func referenceIsName(_ text: String) -> Bool {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        guard words.count >= 2, let first = words.first, let last = words.last else { return false }
        return (first.first?.isUppercase ?? false) && (last.first?.isUppercase ?? false)
    }
}

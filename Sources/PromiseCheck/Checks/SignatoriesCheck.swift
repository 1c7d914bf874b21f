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
        // By entry index: the matches' entries are not copied.
        return Set(roles.found(in: TokenizedText([role])).compactMap { roles.lexicon.entries[$0.entry].group })
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

import Testing

@testable import PromiseCheck

@Suite struct SignatoriesCheckTests {
    static let byParty = """
        check: signatories
        with:
          roles:
            polisen: [lokalpolisområdeschef, polischef]
            kommunen: [kommundirektör, kommunstyrelsens ordförande]
          parties: [polisen, kommunen]
        """

    /// A signatory on `line`, its mapping at column 5 and its name at column 12.
    private func signatory(_ name: String?, _ role: String?, line: Int) -> Signatory {
        Signatory(
            name: name.map { verbatimSpan($0, line, 12) }, role: role.map { verbatimSpan($0, line, 30) },
            location: pos(line, 5))
    }

    private func document(_ signatories: [Signatory]) -> Document {
        var document = Document(path: "lofte.yaml", format: .yaml)
        document.signatories = signatories
        return document
    }

    @Test func namedSignatoriesWithRolesFromEachParty() throws {
        let signed = document([
            signatory("Anna Berg", "Lokalpolisområdeschef", line: 10),
            signatory("Karl Ek", "Kommunstyrelsens ordförande", line: 11),
            signatory("ordförande", "Ordförande", line: 12),
        ])
        let outcome = try #require(evaluateCheck(builtCheck(Self.byParty), ["underskrifter"], in: signed))
        #expect(outcome.fraction == 1)
        #expect(outcome.reason == "2 named signatories with a role; 2 needed")
        #expect(outcome.variables == ["count": "2", "min": "2", "missing": ""])
        #expect(
            outcome.evidence == [
                Hit(location: pos(10, 12), excerpt: "Anna Berg, Lokalpolisområdeschef"),
                Hit(location: pos(11, 12), excerpt: "Karl Ek, Kommunstyrelsens ordförande"),
            ])
        #expect(
            outcome.problems == [
                Hit(
                    location: pos(12, 5), excerpt: "ordförande, Ordförande",
                    variables: ["name": "ordförande", "role": "Ordförande", "match": "no name"])
            ])
    }

    @Test func missingPartyAndUnknownRole() throws {
        let signed = document([
            signatory("Anna Berg", "Polischef", line: 10),
            signatory("Karl Ek", "Chef", line: 11),
            signatory("Eva Lund", nil, line: 12),
        ])
        let outcome = try #require(evaluateCheck(builtCheck(Self.byParty), ["underskrifter"], in: signed))
        #expect(outcome.fraction == 0.25)
        #expect(outcome.reason == "1 named signatories with a role; 2 needed; none for kommunen")
        #expect(outcome.variables == ["count": "1", "min": "2", "missing": "kommunen"])
        #expect(outcome.problems.map { $0.variables["match"] } == ["role 'Chef' is not a known title", "no role"])
        #expect(outcome.problems.map(\.location) == [pos(11, 5), pos(12, 5)])
    }

    @Test func enoughSignatoriesButOnePartyMissing() throws {
        let signed = document([
            signatory("Anna Berg", "Polischef", line: 10),
            signatory("Olle Berg", "Lokalpolisområdeschef", line: 11),
        ])
        let outcome = try #require(evaluateCheck(builtCheck(Self.byParty), ["x"], in: signed))
        #expect(outcome.fraction == 0.25)
        #expect(outcome.variables["missing"] == "kommunen")
    }

    @Test func noSignatoriesAtAll() throws {
        let outcome = try #require(evaluateCheck(builtCheck(Self.byParty), ["x"], in: document([])))
        #expect(outcome.fraction == 0)
        #expect(outcome.reason == "0 named signatories with a role; 2 needed; none for polisen, kommunen")
    }

    @Test func withoutRolesAnyRoleCounts() throws {
        let check = builtCheck("check: signatories\nwith: {min: 3}\n")
        let signed = document([
            signatory("Anna Berg", "Chef", line: 10),
            signatory("Karl Ek", "Samordnare", line: 11),
            signatory("Eva Lund", "   ", line: 12),
        ])
        let outcome = try #require(evaluateCheck(check, ["x"], in: signed))
        #expect(abs(outcome.fraction - 1.0 / 3) < 1e-12)
        #expect(outcome.problems.map { $0.variables["match"] } == ["no role"])
    }

    @Test func aSignatoryItemIsJudgedAlone() throws {
        let check = builtCheck("check: signatories\nwith: {min: 1}\n")
        let anna = signatory("Anna Berg", "Polischef", line: 10)
        let eva = signatory("Eva", "Kommundirektör", line: 11)
        let signed = document([anna, eva])
        let annaItem = ScopeItem(
            kind: .signatory, location: anna.location, text: TokenizedText(anna.spans), signatory: anna)
        let evaItem = ScopeItem(
            kind: .signatory, location: eva.location, text: TokenizedText(eva.spans), signatory: eva)
        #expect(check?.evaluate(annaItem, in: signed).fraction == 1)
        #expect(check?.evaluate(evaItem, in: signed).fraction == 0)
        #expect(check?.evaluate(evaItem, in: signed).problems.map { $0.variables["match"] } == ["no name"])
    }

    @Test(arguments: [
        ("Anna Berg", true), ("Anna-Karin Öberg", true), ("Åsa von Berg", true), ("von Berg", false),
        ("anna berg", false), ("Anna", false),
        ("  Anna   Berg ", true),
    ])
    func whatCountsAsAName(text: String, isName: Bool) {
        #expect(SignatoriesCheck.isName(text) == isName)
    }

    @Test func partyThatIsNotARoleGroup() throws {
        let failure = try #require(
            checkBuildFailure("check: signatories\nwith:\n  roles: {polisen: [polischef]}\n  parties: [polis]\n"))
        expectDiagnostic(
            failure.diagnostics, code: "pack.check-parameters", at: pos(4, 12),
            message: "party 'polis' is not a group of lexicon 'roles'; did you mean 'polisen'?")
    }

    @Test func partiesNeedRoles() throws {
        let failure = try #require(checkBuildFailure("check: signatories\nwith: {parties: [polisen]}\n"))
        expectDiagnostic(
            failure.diagnostics, code: "pack.check-parameters", at: pos(2, 17),
            message: "'parties' needs a 'roles' lexicon to group roles by party")
    }

    @Test func minimumIsAtLeastOne() throws {
        let failure = try #require(checkBuildFailure("check: signatories\nwith: {min: 0}\n"))
        expectDiagnostic(
            failure.diagnostics, code: "pack.check-parameters", at: pos(2, 13), message: "'min' must be at least 1")
    }

    /// The byte walk over Latin-1 names against splitting into `Character` words, on random
    /// texts of names, particles, white space and scalars on both sides of U+0100.
    @Test(arguments: 0..<20)
    func nameTestAgreesWithSplittingIntoWords(seed: UInt64) {
        var generator = SeededGenerator(state: seed)
        let pieces = [
            "Anna", "Åsa", "Öberg", "von", "de", "ÉLISE", "ßen", "µ", "×Z", "Ø", "þ", "Þ", "ª", "9", "-", " ", "  ",
            "\t",
            "\n", "\r\n", "\u{85}", "\u{A0}", "\u{2003}", "E\u{301}va", "Ǆ", "Σ", "Łukasz", "\u{0B}", "\u{1F}", "x",
        ]
        var walked = 0
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            if SignatoriesCheck.latin1IsName(text) != nil { walked += 1 }
            #expect(
                SignatoriesCheck.isName(text) == SignatoriesCheck.referenceIsName(text),
                "seed \(seed): \(text.debugDescription)")
        }
        // Guards against comparing the reference with itself.
        #expect(walked > 100)
    }

    @Test func capitalsAndBlanksBelowU0100AreCharacters() {
        for value in UInt32(0)..<0x100 {
            let scalar = Unicode.Scalar(value)!
            let character = Character(scalar)
            let text = "\(character)a B"
            #expect(
                SignatoriesCheck.latin1IsName(text) == SignatoriesCheck.referenceIsName(text),
                "U+\(String(value, radix: 16))")
        }
    }

    /// The outcome's parts as the check built them before it kept only each signatory's
    /// standing: every hit, reason and variable made at once.
    static func referenceOutcome(roles: PhraseMatcher, parties: [String], minimum: Int, document: Document) -> (
        reason: String, evidence: [Hit], problems: [Hit], variables: MessageVariables
    ) {
        var complete = 0
        var covered: Set<String> = []
        var problems: [Hit] = []
        var evidence: [Hit] = []
        for signatory in document.signatories {
            let name = signatory.name.flatMap { SignatoriesCheck.isName($0.text) ? $0 : nil }
            let role = signatory.role.flatMap { $0.isBlank ? nil : $0 }
            let groups =
                role.map { role in
                    Set(roles.matches(in: TokenizedText([role])).compactMap(\.entry.group))
                } ?? []
            if let name, let role, !groups.isEmpty {
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
        var reason = "\(complete) named signatories with a role; \(minimum) needed"
        if !missing.isEmpty { reason += "; none for \(missing.joined(separator: ", "))" }
        return (
            reason, evidence, problems,
            ["count": String(complete), "min": String(minimum), "missing": missing.joined(separator: ", ")]
        )
    }

    @Test func outcomeIsTheReferenceOutcomeOnRandomSignatories() throws {
        let check = builtCheck(Self.byParty)
        let groups = [
            ("polisen", "lokalpolisområdeschef"), ("polisen", "polischef"), ("kommunen", "kommundirektör"),
            ("kommunen", "kommunstyrelsens ordförande"),
        ]
        let roles = PhraseMatcher(
            Lexicon(name: "roles", entries: try groups.map { try Lexicon.Entry(term: $0.1, group: $0.0) }))
        let names = [nil, "", "Anna Berg", "anna berg", "Karl", "Carl von Platen", "Åsa Öberg"]
        let titles = [
            nil, "", " ", "Lokalpolisområdeschef", "Polischef Norrby", "Kommundirektör", "Kommunstyrelsens ordförande",
            "ordförande", "Rektor",
        ]
        var generator = SeededGenerator(state: 23)
        for _ in 0..<400 {
            let signatories = (0..<Int.random(in: 0...4, using: &generator)).map { line in
                signatory(
                    names.randomElement(using: &generator) ?? nil, titles.randomElement(using: &generator) ?? nil,
                    line: line + 1)
            }
            let signed = document(signatories)
            let outcome = try #require(evaluateCheck(check, ["underskrifter"], in: signed))
            let expected = Self.referenceOutcome(
                roles: roles, parties: ["polisen", "kommunen"], minimum: 2, document: signed)
            #expect(outcome.reason == expected.reason)
            #expect(outcome.evidence == expected.evidence)
            #expect(outcome.problems == expected.problems)
            #expect(outcome.variables == expected.variables)
        }
    }
}

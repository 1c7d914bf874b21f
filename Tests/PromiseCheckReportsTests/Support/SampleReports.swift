import PromiseCheckReports

@testable import PromiseCheck

/// Hand-made reports with fixed numbers, paths and version, so reporter output is exact.
///
/// `@testable` because the engine's result types have no public initializers: only the engine
/// makes them.
enum SampleReports {
    static let version = "0.0.0-test"
    static let packs = [
        PackSummary(
            name: "golden", version: "1.2", title: "Guldpaket för tester", language: "sv",
            rules: [
                RuleSummary(
                    id: "lagesbild", title: "Lägesbilden är beskriven", category: "innehall", categoryTitle: "Innehåll",
                    severity: .error, weight: 3, hint: "Beskriv läget med platser, tider och siffror.",
                    link: "https://example.org/regler/lagesbild",
                    rationale: "Ett löfte utan lägesbild går inte att följa upp."),
                RuleSummary(
                    id: "kallor", title: "Lägesbilden bygger på flera slags källor", category: "innehall",
                    categoryTitle: "Innehåll", severity: .warning, weight: 2,
                    hint: "Ange både brottsstatistik och en trygghetsmätning."),
                RuleSummary(
                    id: "tomma-ord", title: "Inga tomma ord", category: "sprak", categoryTitle: "Språk",
                    severity: .warning, weight: 1, hint: "Skriv vad som ska göras.",
                    rationale: "Ord som *verka för* lovar inget som går att mäta."),
                RuleSummary(
                    id: "platshallare", title: "Inga platshållare kvar", category: "sprak", categoryTitle: "Språk",
                    severity: .info, weight: 1),
                RuleSummary(
                    id: "rubrik", title: "Rubriken är satt", category: "form", categoryTitle: "Form", severity: .error,
                    weight: 0, link: "regler/rubrik.md"),
            ])
    ]
    static let ekbyPath = "promises/ekby-2025.yaml"

    static func finding(
        _ ruleID: String, _ severity: Severity, _ message: String, hint: String?, path: String = ekbyPath,
        at line: Int, _ column: Int, excerpt: String? = nil
    ) -> Finding {
        Finding(
            ruleID: ruleID, severity: severity, message: message, hint: hint, path: path,
            location: SourceLocation(line: line, column: column), excerpt: excerpt)
    }

    static func rule(
        _ id: String, _ title: String, category: String, severity: Severity, weight: Double, fraction: Double,
        passed: Bool, reason: String, findings: [Finding] = [], link: String? = nil
    ) -> RuleResult {
        RuleResult(
            id: id, title: title, category: category, severity: severity, weight: weight, fraction: fraction,
            passed: passed, reason: reason, findings: findings, link: link)
    }

    /// A draft promise (weights 3 + 2 + 1 + 1 + 0, earning 3 + 1 + ⅓ + 0 + 0: 61.9) with findings of every severity, two at the same place and some out of file order,
    /// a rule with no weight, a category with no score, and an unknown key with a snippet.
    static let ekby = FileReport(
        path: ekbyPath,
        evaluation: DocumentEvaluation(
            path: ekbyPath, format: .yaml, area: "Ekby", title: "Ekby – medborgarlöften 2025",
            period: "2025-01-01 – 2025-12-31", score: 61.9, grade: "C",
            categories: [
                CategoryScore(key: "innehall", title: "Innehåll", score: 80),
                CategoryScore(key: "sprak", title: "Språk", score: 16.7),
                CategoryScore(key: "form", title: "Form", score: nil),
            ],
            rules: [
                rule(
                    "lagesbild", "Lägesbilden är beskriven", category: "innehall", severity: .error, weight: 3,
                    fraction: 1, passed: true, reason: "the section is stated (42 words)",
                    link: "https://example.org/regler/lagesbild"),
                rule(
                    "kallor", "Lägesbilden bygger på flera slags källor", category: "innehall", severity: .warning,
                    weight: 2, fraction: 0.5, passed: true, reason: "1 kind of source (statistik); 2 needed",
                    findings: [
                        finding(
                            "kallor", .warning, "lägesbilden bygger på 1 slags källor, minst 2 behövs",
                            hint: "Ange både brottsstatistik och en trygghetsmätning.", at: 12, 1)
                    ]),
                rule(
                    "tomma-ord", "Inga tomma ord", category: "sprak", severity: .warning, weight: 1,
                    fraction: 1.0 / 3.0, passed: false,
                    reason: "found 2, more than 0: \"verka för\", \"kontinuerligt\"",
                    findings: [
                        finding(
                            "tomma-ord", .warning, "tomt ord: \"Verka för\"", hint: "Skriv vad som ska göras.",
                            at: 20, 9, excerpt: "Verka för"),
                        finding(
                            "tomma-ord", .warning, "tomt ord: \"kontinuerligt\"", hint: "Skriv vad som ska göras.",
                            at: 18, 7, excerpt: "kontinuerligt"),
                    ]),
                rule(
                    "platshallare", "Inga platshållare kvar", category: "sprak", severity: .info, weight: 1,
                    fraction: 0, passed: false, reason: "1 forbidden matches",
                    findings: [
                        finding(
                            "platshallare", .info, "platshållare kvar: \"TODO\"", hint: nil, at: 20, 9, excerpt: "TODO")
                    ]),
                rule(
                    "rubrik", "Rubriken är satt", category: "form", severity: .error, weight: 0, fraction: 1,
                    passed: true, reason: "'title' is stated (4 words)"),
            ],
            notes: ["marked as a draft: not yet signed"]),
        diagnostics: [
            Diagnostic(
                .warning, "unknown key 'folow_up' in the promise; did you mean 'follow_up'?", path: ekbyPath,
                location: SourceLocation(line: 31, column: 1), code: "promise.unknown-key",
                snippet: "folow_up: varje halvår\n^")
        ],
        sourceLines: ekbySource)

    /// The text of `ekby`, for the formats that show findings in place: markup characters to
    /// escape, a bicycle (one scalar, two UTF-16 units) before the finding at 18:7, a tab and a
    /// control character.
    static let ekbySource = [
        "# Ekby – utkast <TODO & \"co\">",
        "promise: 1",
        "title: Ekby – medborgarlöften 2025",
        "area: Ekby",
        "status: draft",
        "period: {from: 2025-01-01, to: 2025-12-31}",
        "parties: [Lokalpolisområde Ekby, Ekby kommun]",
        "introduction: >",
        "  Polisen och kommunen arbetar tillsammans för ett tryggare Ekby.",
        "  Läs mer på https://example.org/ekby?a=1&b=2.",
        "",
        "situation:",
        "  text: >",
        "    Otryggheten kring stationen har ökat enligt brottsstatistiken 2024.",
        "  sources: [brottsstatistik 2024]",
        "commitments:",
        "- actions:",
        "  - 🚲 kontinuerligt cykelpatrull vid stationen",
        "  - Kameror & belysning i <gångtunneln>",
        "  when: Verka för trygghet, TODO",
        "  target: minst fyra pass per månad",
        "signatories:",
        "- name: Anna Andersson",
        "  role: Lokalpolisområdeschef",
        "  party: polisen",
        "- name: Bo Berg",
        "  role: Kommunstyrelsens ordförande",
        "  party: kommunen",
        "expected_effect: >",
        "  Färre cykelstölder\tvid stationen.\u{7}",
        "folow_up: varje halvår",
    ]

    /// A file that could not be read, with the duplicate key's snippet.
    static let broken = FileReport(
        path: "promises/trasig.yaml", evaluation: nil,
        diagnostics: [
            Diagnostic(
                .error, "duplicate key 'title' (first defined at 2:1)", path: "promises/trasig.yaml",
                location: SourceLocation(line: 4, column: 3), code: "yaml.duplicate-key",
                snippet: "  title: Andra titeln\n  ^")
        ])

    /// Both files, a pack warning and a path that does not exist (a diagnostic with no location).
    static let full = Report(
        toolVersion: version, packs: packs, files: [ekby, broken],
        diagnostics: [
            Diagnostic(
                .warning, "unknown key 'titel' in the pack; did you mean 'title'?", path: "packs/golden/pack.yaml",
                location: SourceLocation(line: 3, column: 1), code: "pack.unknown-key"),
            Diagnostic(.error, "no such file or folder", path: "promises/saknas.yaml", code: "input.not-found"),
        ])

    /// Only the readable file, so the policy decides the result.
    static let readable = Report(toolVersion: version, packs: packs, files: [ekby], diagnostics: [])

    /// Names and messages with every character some format must escape: commas, colons,
    /// percent signs, pipes, markup, quotes, line breaks, a rule id with a space.
    static let hostilePath = "promises/a,b:c 100%|<x>&\"y\".yaml"
    static let hostile = Report(
        toolVersion: version, packs: [PackSummary(name: "p<1>", version: "1,0", title: "Paket | \"citat\" & <b>")],
        files: [
            FileReport(
                path: hostilePath,
                evaluation: DocumentEvaluation(
                    path: hostilePath, format: .yaml, area: "Å|ä, \"ö\"", title: "<script>alert(1)</script>",
                    period: "2025\n2026", score: 50, grade: "C&D",
                    categories: [CategoryScore(key: "k", title: "K <&> \"k\"", score: 50)],
                    rules: [
                        rule(
                            "regel, med: komma", "Titel | med <markup> & \"citat\"", category: "k", severity: .error,
                            weight: 1, fraction: 0.5, passed: true, reason: "skäl: 50%\r\nrad två",
                            findings: [
                                finding(
                                    "regel, med: komma", .error, "100% fel:\nrad två, \"citat\" | <b>&amp;</b> `kod`",
                                    hint: "tips: %0A är ingen radbrytning,\r\nmen detta är det", path: hostilePath,
                                    at: 1, 1, excerpt: "<x>")
                            ], link: "javascript:alert(1)"),
                        rule(
                            "annan", "Annan", category: "k", severity: .info, weight: 1, fraction: 0.5, passed: true,
                            reason: "",
                            findings: [
                                finding(
                                    "annan", .info, "]]> --> *fet* _kursiv_ [länk](x) # rubrik", hint: nil,
                                    path: hostilePath, at: 2, 3)
                            ]),
                    ],
                    notes: ["<not> & \"note\""]),
                diagnostics: [
                    Diagnostic(
                        .warning, "okänd nyckel ',:%'", path: hostilePath, location: SourceLocation(line: 2, column: 1),
                        code: "promise.unknown-key", snippet: "a: <b>\n^")
                ],
                sourceLines: ["<x> & \"y\" 100%", "ab]]>c --> \u{1}"]),
            FileReport(
                path: "trasig, fil.yaml", evaluation: nil,
                diagnostics: [
                    Diagnostic(
                        .error, "kan inte läsas: \"<&>\"\nrad två", path: "trasig, fil.yaml", code: "input.unreadable")
                ]),
        ],
        diagnostics: [])

    /// A run that found no files.
    static let empty = Report(toolVersion: version, packs: packs, files: [], diagnostics: [])

    /// `ekby` with comments: one 'tomma-ord' finding suppressed for its item and the
    /// 'platshallare' one for the whole file, the 'kallor' finding in the baseline, and the
    /// engine's three findings on comments. The score is unchanged: suppressed findings count.
    static let suppressed: Report = {
        var file = ekby
        guard var evaluation = file.evaluation else { return empty }
        func take(_ ruleID: String, line: Int) -> Finding? {
            guard let ruleIndex = evaluation.rules.firstIndex(where: { $0.id == ruleID }),
                let index = evaluation.rules[ruleIndex].findings.firstIndex(where: { $0.location.line == line })
            else { return nil }
            return evaluation.rules[ruleIndex].findings.remove(at: index)
        }
        if let finding = take("tomma-ord", line: 20) {
            evaluation.suppressed.append(
                SuppressedFinding(
                    finding: finding, reason: "vedertaget uttryck i kommunens styrdokument",
                    suppressionLocation: SourceLocation(line: 19, column: 3), isFileWide: false))
        }
        if let finding = take("platshallare", line: 20) {
            evaluation.suppressed.append(
                SuppressedFinding(
                    finding: finding, reason: "fylls i när <datum> & tid är klara",
                    suppressionLocation: SourceLocation(line: 1, column: 1), isFileWide: true))
        }
        evaluation.suppressed.sort { $0.finding.location < $1.finding.location }
        if let finding = take("kallor", line: 12) { evaluation.baselined.append(finding) }
        evaluation.engineFindings = [
            finding(
                "unused-suppression", .warning,
                "the suppression of 'lagesbild' suppresses nothing: no finding in the item it covers",
                hint: EngineRule.unusedSuppression.hint, at: 11, 24),
            finding(
                "unknown-rule", .warning, "no rule 'tomma-ordd' in the pack; did you mean 'tomma-ord'?",
                hint: EngineRule.unknownRule.hint, at: 16, 26),
            finding(
                "suppression-without-reason", .warning,
                "the suppression of 'rubrik' gives no reason, so it suppresses nothing",
                hint: EngineRule.suppressionWithoutReason.hint, at: 3, 1),
        ]
        file.evaluation = evaluation
        var report = Report(toolVersion: version, packs: packs, files: [file], diagnostics: [])
        report.baseline = "promisecheck-baseline.json"
        return report
    }()
}

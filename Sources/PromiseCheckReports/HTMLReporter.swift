import PromiseCheck

/// One self-contained HTML page: a score table, then per promise its score, grade, category
/// bars, rules, findings, and the promise's own text with each finding marked at its line and
/// column, its message and hint below the line.
///
/// The page makes no requests: inline CSS, system fonts, no scripts, and a
/// Content-Security-Policy that forbids anything else; only rule links are URLs, as `<a href>`.
/// The text is shown when the report has the file's ``FileReport/sourceLines``. Severity is
/// always written out and has a symbol and its own underline, so colour is never the only sign.
public struct HTMLReporter: Reporter {
    public init() {}

    public func render(_ report: Report, policy: FailPolicy) -> String {
        var page = Page(language: report.packs.compactMap(\.language).first)
        page.render(report, policy: policy)
        return page.lines.joined(separator: "\n") + "\n"
    }

    /// The symbol that goes with a severity word.
    static func symbol(_ severity: Severity) -> String {
        switch severity {
        case .error: "✖"
        case .warning: "▲"
        case .info: "ℹ"
        }
    }

    /// The ranges to mark on one line, by the Unicode-scalar columns of its findings: the
    /// finding's excerpt when the text there matches it, otherwise the word that starts there.
    static func marks(in line: [Unicode.Scalar], for findings: [Finding]) -> [Severity?] {
        var marks = [Severity?](repeating: nil, count: line.count)
        for finding in findings {
            let start = finding.location.column - 1
            guard start >= 0, start < line.count else { continue }
            var end = start + 1
            if let excerpt = finding.excerpt, !excerpt.isEmpty {
                let length = excerpt.unicodeScalars.count
                let candidate = String(String.UnicodeScalarView(line[start..<min(line.count, start + length)]))
                if candidate.lowercased() == excerpt.lowercased() { end = start + length }
            }
            if end == start + 1 {
                while end < line.count, !line[end].properties.isWhitespace { end += 1 }
            }
            for index in start..<end where marks[index].map({ $0 < finding.severity }) ?? true {
                marks[index] = finding.severity
            }
        }
        return marks
    }
}

/// The page being written, line by line.
private struct Page {
    var language: String?
    var lines: [String] = []

    /// ` lang="sv"` for the promise's own words, when the pack says their language.
    var lang: String { language.map { " lang=\"\(attr($0))\"" } ?? "" }

    mutating func render(_ report: Report, policy: FailPolicy) {
        let verdict = policy.verdict(for: report)
        lines += [
            "<!DOCTYPE html>",
            "<html lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
            "<meta name=\"generator\" content=\"promisecheck \(attr(report.toolVersion))\">",
            "<title>PromiseCheck report</title>",
            "<style>",
            Self.css,
            "</style>",
            "</head>",
            "<body>",
            "<header>",
            "<h1>PromiseCheck report</h1>",
        ]
        let resultClass = verdict == .passed ? "passed" : "failed"
        let mark = verdict == .passed ? "✔" : "✖"
        lines.append(
            "<p class=\"result \(resultClass)\"><strong>\(mark) Result: \(text(RunSummary.result(verdict)))</strong></p>"
        )
        lines.append("<p>\(text(RunSummary.counts(report)))</p>")
        for pack in report.packs {
            lines.append(
                "<p>Rule pack: <span\(lang)>\(text(pack.title))</span> (\(text(pack.name)) \(text(pack.version)))</p>")
        }
        lines += ["</header>", "<main>"]
        if !report.files.isEmpty { scoreTable(report.files) }
        if !report.diagnostics.isEmpty {
            lines += ["<section aria-labelledby=\"run-problems\">", "<h2 id=\"run-problems\">Input problems</h2>"]
            diagnosticList(report.diagnostics)
            lines.append("</section>")
        }
        for (index, file) in report.files.enumerated() { self.file(file, id: "file-\(index + 1)") }
        lines += ["</main>", "</body>", "</html>"]
    }

    mutating func scoreTable(_ files: [FileReport]) {
        lines += [
            "<section aria-labelledby=\"scores\">",
            "<h2 id=\"scores\">Scores</h2>",
            "<table class=\"scores\">",
            "<thead><tr><th scope=\"col\">File</th><th scope=\"col\">Area</th><th scope=\"col\">Score</th>"
                + "<th scope=\"col\">Grade</th><th scope=\"col\">Errors</th><th scope=\"col\">Warnings</th>"
                + "<th scope=\"col\">Info</th></tr></thead>",
            "<tbody>",
        ]
        for (index, file) in files.enumerated() {
            let name = "<th scope=\"row\"><a href=\"#file-\(index + 1)\">\(text(file.path))</a></th>"
            guard let evaluation = file.evaluation else {
                lines.append("<tr>\(name)<td>–</td><td colspan=\"5\">not checked</td></tr>")
                continue
            }
            let counts = [Severity.error, .warning, .info].map { severity in
                "<td class=\"num\">\(evaluation.findings.filter { $0.severity == severity }.count)</td>"
            }
            lines.append(
                "<tr>\(name)<td\(lang)>\(text(evaluation.area ?? "–"))</td>"
                    + "<td class=\"num\">\(ScoreFormat.number(evaluation.score))</td>"
                    + "<td class=\"num\">\(text(evaluation.grade))</td>" + counts.joined() + "</tr>")
        }
        lines += ["</tbody>", "</table>", "</section>"]
    }

    mutating func file(_ file: FileReport, id: String) {
        lines += [
            "<section class=\"file\" id=\"\(id)\" aria-labelledby=\"\(id)-heading\">",
            "<h2 id=\"\(id)-heading\">\(text(file.path))</h2>",
        ]
        defer { lines.append("</section>") }
        guard let evaluation = file.evaluation else {
            lines.append("<p class=\"result failed\"><strong>✖ Not checked:</strong> the file could not be read.</p>")
            diagnosticList(file.diagnostics)
            return
        }
        let about = [evaluation.title, evaluation.area, evaluation.period].compactMap { $0 }.filter { !$0.isEmpty }
        if !about.isEmpty { lines.append("<p class=\"about\"\(lang)>\(about.map(text).joined(separator: " · "))</p>") }
        lines.append(
            "<p class=\"score\">Score <strong class=\"big\">\(ScoreFormat.number(evaluation.score))</strong> of 100 · "
                + "grade <strong class=\"big\">\(text(evaluation.grade))</strong></p>")
        for note in evaluation.notes { lines.append("<p class=\"note\">Note: \(text(note))</p>") }
        if !evaluation.categories.isEmpty { categories(evaluation.categories, id: id) }
        rules(evaluation.rules, id: id)
        if !file.diagnostics.isEmpty {
            lines.append("<h3>Input problems</h3>")
            diagnosticList(file.diagnostics)
        }
        let findings = evaluation.findings
        lines.append("<h3 id=\"\(id)-findings\">Findings</h3>")
        if findings.isEmpty {
            lines.append("<p>No findings.</p>")
        } else {
            lines.append("<ol class=\"findings\">")
            for finding in findings {
                let place = "line \(finding.location.line), column \(finding.location.column)"
                let target =
                    file.sourceLines == nil ? place : "<a href=\"#\(id)-L\(finding.location.line)\">\(place)</a>"
                lines.append(
                    "<li class=\"\(finding.severity.rawValue)\">\(severity(finding.severity)) \(target): "
                        + "\(message(finding))</li>")
            }
            lines.append("</ol>")
        }
        if !evaluation.suppressed.isEmpty {
            lines += [
                "<h3 id=\"\(id)-suppressed\">Suppressed</h3>",
                "<p>Findings hidden by a comment in the file, with its reason; \(text(RunSummary.suppressedNote)).</p>",
                "<ol class=\"findings\">",
            ]
            for suppressed in evaluation.suppressed {
                let finding = suppressed.finding
                lines.append(
                    "<li>\(severity(finding.severity)) line \(finding.location.line), column \(finding.location.column): "
                        + "\(message(finding)) <span class=\"hint\"><strong>Suppressed:</strong> "
                        + "<span\(lang)>\(text(suppressed.reason))</span> (\(suppressed.commentDescription))</span></li>"
                )
            }
            lines.append("</ol>")
        }
        if let source = file.sourceLines { self.source(source, findings: findings, path: file.path, id: id) }
    }

    mutating func categories(_ categories: [CategoryScore], id: String) {
        lines += [
            "<h3 id=\"\(id)-categories\">Categories</h3>",
            "<table class=\"categories\" aria-labelledby=\"\(id)-categories\">",
            "<thead><tr><th scope=\"col\">Category</th><th scope=\"col\">Score</th>"
                + "<th scope=\"col\"><span class=\"visually-hidden\">Bar</span></th></tr></thead>",
            "<tbody>",
        ]
        for category in categories {
            let score = category.score.map(ScoreFormat.number) ?? "–"
            let width = category.score.map { ScoreFormat.number(min(100, max(0, $0))) } ?? "0"
            lines.append(
                "<tr><th scope=\"row\"\(lang)>\(text(category.title))</th><td class=\"num\">\(score)</td>"
                    + "<td class=\"bar-cell\"><span class=\"bar\" aria-hidden=\"true\">"
                    + "<span style=\"width: \(width)%\"></span></span></td></tr>")
        }
        lines += ["</tbody>", "</table>"]
    }

    mutating func rules(_ rules: [RuleResult], id: String) {
        lines += [
            "<h3 id=\"\(id)-rules\">Rules</h3>",
            "<table class=\"rules\" aria-labelledby=\"\(id)-rules\">",
            "<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Result</th><th scope=\"col\">Weight</th>"
                + "<th scope=\"col\">Met</th><th scope=\"col\">Why</th></tr></thead>",
            "<tbody>",
        ]
        for rule in rules {
            var title = "<span\(lang)>\(text(rule.title))</span>"
            if let link = rule.link.flatMap(webAddress) {
                title = "<a href=\"\(attr(link))\"\(lang)>\(text(rule.title))</a>"
            }
            let result = rule.passed ? "<span class=\"pass\">✔ pass</span>" : "<span class=\"fail\">✖ fail</span>"
            let met = ScoreFormat.number(rule.fraction * 100) + "%"
            lines.append(
                "<tr><th scope=\"row\">\(title) <code>\(text(rule.id))</code></th><td>\(result)</td>"
                    + "<td class=\"num\">\(ScoreFormat.number(rule.weight))</td><td class=\"num\">\(met)</td>"
                    + "<td>\(text(rule.reason))</td></tr>")
        }
        lines += ["</tbody>", "</table>"]
    }

    /// The promise's lines, numbered, with findings marked and explained after their line.
    mutating func source(_ source: [String], findings: [Finding], path: String, id: String) {
        var byLine: [Int: [Finding]] = [:]
        for finding in findings { byLine[finding.location.line, default: []].append(finding) }
        lines += [
            "<h3 id=\"\(id)-text\">Text with findings</h3>",
            "<div class=\"source\" role=\"region\" aria-labelledby=\"\(id)-text\"\(lang)>",
        ]
        for (index, line) in source.enumerated() {
            let number = index + 1
            let here = byLine[number] ?? []
            let scalars = Array(line.unicodeScalars)
            let marked = here.isEmpty ? text(line) : markedLine(scalars, findings: here)
            let worst = here.map(\.severity).max()
            let classes = worst.map { "line has-finding \($0.rawValue)" } ?? "line"
            lines.append(
                "<div class=\"\(classes)\" id=\"\(id)-L\(number)\"><span class=\"ln\">\(number)</span>"
                    + "<code>\(marked)</code></div>")
            for finding in here { annotation(finding) }
        }
        // Findings past the end of the text (the file changed, or a location at its very end).
        for finding in findings where finding.location.line > source.count || finding.location.line < 1 {
            annotation(finding)
        }
        lines.append("</div>")
    }

    mutating func annotation(_ finding: Finding) {
        lines.append(
            "<div class=\"annotation \(finding.severity.rawValue)\" role=\"note\" lang=\"en\">"
                + "\(severity(finding.severity)) <span class=\"where\">\(finding.location)</span> \(message(finding))"
                + "</div>")
    }

    func markedLine(_ scalars: [Unicode.Scalar], findings: [Finding]) -> String {
        let marks = HTMLReporter.marks(in: scalars, for: findings)
        var result = ""
        var index = 0
        while index < scalars.count {
            var end = index + 1
            while end < scalars.count, marks[end] == marks[index] { end += 1 }
            let piece = text(String(String.UnicodeScalarView(scalars[index..<end])))
            if let severity = marks[index] {
                result += "<mark class=\"\(severity.rawValue)\">\(piece)</mark>"
            } else {
                result += piece
            }
            index = end
        }
        return result
    }

    /// The message, rule id and hint of a finding.
    func message(_ finding: Finding) -> String {
        // The engine's own findings are in English, the page's language; a pack's are in the pack's.
        let lang = EngineRule.reservedIDs.contains(finding.ruleID) ? "" : self.lang
        var html =
            "<span class=\"message\"\(lang)>\(text(finding.message))</span> <code>[\(text(finding.ruleID))]</code>"
        if let hint = finding.hint {
            html += "<span class=\"hint\"><strong>Hint:</strong> <span\(lang)>\(text(hint))</span></span>"
        }
        return html
    }

    func severity(_ severity: Severity) -> String {
        "<span class=\"severity \(severity.rawValue)\">\(HTMLReporter.symbol(severity)) \(severity.rawValue)</span>"
    }

    mutating func diagnosticList(_ diagnostics: [Diagnostic]) {
        lines.append("<ul class=\"diagnostics\">")
        for diagnostic in diagnostics {
            let place = diagnostic.location.map { "\(diagnostic.path):\($0)" } ?? diagnostic.path
            var item =
                "<li class=\"\(diagnostic.severity.rawValue)\">\(severity(diagnostic.severity)) "
                + "<span class=\"where\">\(text(place))</span>: \(text(diagnostic.message)) "
                + "<code>[\(text(diagnostic.code))]</code>"
            if let snippet = diagnostic.snippet { item += "<pre>\(text(snippet))</pre>" }
            lines.append(item + "</li>")
        }
        lines.append("</ul>")
    }

    static let css = """
        :root { --error: #b00020; --warning: #8a5300; --info: #005a9c; --pass: #1b6e2d; --line: #d0d7de; }
        body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; \
        background: #fff; margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 3rem; }
        h1, h2, h3 { line-height: 1.25; }
        h2 { border-bottom: 1px solid var(--line); padding-bottom: .3rem; margin-top: 2.5rem; overflow-wrap: anywhere; }
        table { border-collapse: collapse; margin: .5rem 0 1rem; }
        th, td { border: 1px solid var(--line); padding: .3rem .6rem; text-align: left; vertical-align: top; }
        thead th { background: #f6f8fa; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        code, pre, .source { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
        .big { font-size: 1.6em; }
        .result.passed { color: var(--pass); }
        .result.failed { color: var(--error); }
        .severity { font-weight: 600; white-space: nowrap; }
        .severity.error, .fail { color: var(--error); }
        .severity.warning { color: var(--warning); }
        .severity.info { color: var(--info); }
        .pass { color: var(--pass); }
        .bar-cell { min-width: 12rem; }
        .bar { display: block; height: .8rem; background: #eaeef2; border: 1px solid #8c959f; }
        .bar > span { display: block; height: 100%; background: #0969da; }
        .hint { display: block; margin-top: .15rem; }
        .findings li, .diagnostics li { margin: .4rem 0; }
        .source { border: 1px solid var(--line); background: #f6f8fa; overflow-x: auto; padding: .3rem 0; }
        .line { display: flex; white-space: pre-wrap; overflow-wrap: anywhere; }
        .line.has-finding { background: #fff8c5; }
        .ln { flex: none; width: 3.5rem; padding-right: .8rem; text-align: right; color: #57606a; user-select: none; }
        .line code { font-size: 1em; }
        mark { background: transparent; color: inherit; text-decoration-line: underline; \
        text-decoration-thickness: 2px; text-underline-offset: 3px; }
        mark.error { text-decoration-style: wavy; text-decoration-color: var(--error); background: #ffebe9; }
        mark.warning { text-decoration-style: dashed; text-decoration-color: var(--warning); background: #fff1c2; }
        mark.info { text-decoration-style: dotted; text-decoration-color: var(--info); background: #ddf4ff; }
        .annotation { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: .2rem .5rem .4rem 4.3rem; \
        padding: .3rem .6rem; background: #fff; border: 1px solid var(--line); border-left-width: 4px; }
        .annotation.error { border-left-color: var(--error); border-left-style: double; }
        .annotation.warning { border-left-color: var(--warning); border-left-style: solid; }
        .annotation.info { border-left-color: var(--info); border-left-style: dotted; }
        .where { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); \
        white-space: nowrap; }
        @media print { .line { break-inside: avoid; } a { color: inherit; } }
        """
}

private func text(_ value: String) -> String { MarkupEscaping.escape(value) }
private func attr(_ value: String) -> String { MarkupEscaping.attribute(value) }

extension Engine {
    /// Moves the findings the document's suppression comments cover out of `results`, and
    /// reports comments that give no reason, suppress nothing or name no rule of the pack.
    ///
    /// Fractions and scores are left as they are: a suppressed finding still counts.
    func applySuppressions(_ suppressions: [Suppression], to results: inout [RuleResult], path: String)
        -> (suppressed: [SuppressedFinding], engineFindings: [Finding])
    {
        guard !suppressions.isEmpty else { return ([], []) }
        var suppressed: [SuppressedFinding] = []
        var used = Set<[Int]>()
        for index in results.indices {
            var kept: [Finding] = []
            for finding in results[index].findings {
                let covering = suppressions.indices.filter {
                    suppressions[$0].covers(ruleID: finding.ruleID, at: finding.location)
                }
                guard let first = covering.first, let reason = suppressions[first].reason else {
                    kept.append(finding)
                    continue
                }
                for suppression in covering {
                    for (position, rule) in suppressions[suppression].rules.enumerated() where rule.id == finding.ruleID
                    {
                        used.insert([suppression, position])
                    }
                }
                suppressed.append(
                    SuppressedFinding(
                        finding: finding, reason: reason, suppressionLocation: suppressions[first].location,
                        isFileWide: suppressions[first].scope == .file))
            }
            results[index].findings = kept
        }

        suppressed.sort { ($0.finding.location, $0.finding.ruleID) < ($1.finding.location, $1.finding.ruleID) }
        let ids = pack.rules.map(\.id)
        let enabled = Set(pack.enabledRules.map(\.id))
        var findings: [Finding] = []
        func report(_ rule: EngineRule, _ message: String, at location: SourceLocation, subject: String) {
            findings.append(
                Finding(
                    ruleID: rule.id, severity: rule.severity, message: message, hint: rule.hint, path: path,
                    location: location, excerpt: nil, subject: subject))
        }
        for (index, suppression) in suppressions.enumerated() {
            let names = suppression.rules.map(\.id)
            if !suppression.isEffective {
                let listed = names.map { "'\($0)'" }.joined(separator: ", ")
                report(
                    .suppressionWithoutReason,
                    "the suppression of \(listed) gives no reason, so it suppresses nothing",
                    at: suppression.location, subject: names.joined(separator: ","))
            }
            for (position, rule) in suppression.rules.enumerated() {
                if EngineRule.reservedIDs.contains(rule.id) {
                    report(
                        .unknownRule, "'\(rule.id)' is PromiseCheck's own check and cannot be suppressed",
                        at: rule.location, subject: rule.id)
                } else if !ids.contains(rule.id) {
                    report(
                        .unknownRule,
                        "no rule '\(rule.id)' in the pack\(Suggestion.phrase(for: rule.id, in: ids))",
                        at: rule.location, subject: rule.id)
                } else if suppression.isEffective, enabled.contains(rule.id), !used.contains([index, position]) {
                    let place = suppression.scope == .file ? "in this file" : "in the item it covers"
                    report(
                        .unusedSuppression, "the suppression of '\(rule.id)' suppresses nothing: no finding \(place)",
                        at: rule.location, subject: rule.id)
                }
            }
        }
        return (suppressed, findings)
    }
}

/// Evaluates promises against a pack and scores them.
public struct Engine: Sendable {
    public let pack: RulePack
    /// The lexicons of the enabled rules of each scope, in one automaton per scope.
    let lexicons: [Scope: CombinedMatcher]
    /// The number of groups of rules that share outcomes (see ``outcomeGroups``).
    let outcomeGroupCount: Int
    /// Each enabled rule with what evaluating it needs, in pack order.
    let plans: [RulePlan]
    /// For each of the pack's categories, the first with its key: rules of that key count in
    /// the score of each category with it.
    let categoryGroups: [Int]

    public init(pack: RulePack) {
        self.pack = pack
        let enabledRules = pack.enabledRules
        // Each scope's matchers, under the first rule of the scope (no dictionary of a type of
        // its own: see ``EqualItems/first(count:hash:equal:)``).
        let scopes = enabledRules.map(\.scope)
        let sameScope = EqualItems.first(
            count: scopes.count, hash: { scopes[$0].hashValue }, equal: { scopes[$0] == scopes[$1] })
        var matchers = [[PhraseMatcher]](repeating: [], count: scopes.count)
        for (position, rule) in enabledRules.enumerated() { matchers[sameScope[position]] += rule.check.phraseMatchers }
        self.lexicons = Dictionary(
            uniqueKeysWithValues: scopes.indices.filter { sameScope[$0] == $0 }.map {
                (scopes[$0], CombinedMatcher(matchers[$0]))
            })
        let outcomeGroups: [Int?]
        (outcomeGroups, outcomeGroupCount) = Self.outcomeGroups(of: enabledRules)
        let categories = pack.categories
        categoryGroups = categories.indices.map { index in
            categories.firstIndex { $0.key == categories[index].key } ?? index
        }
        plans = zip(enabledRules, outcomeGroups).map { rule, group in
            RulePlan(rule, group: group, category: categories.firstIndex { $0.key == rule.category })
        }
    }

    /// The pack's enabled rules, in pack order.
    var enabledRules: [Rule] { plans.map(\.rule) }

    /// For each enabled rule, the group of rules whose outcomes it shares, or nil: rules of one
    /// scope with the same check (``CheckSource``) of pure kinds get each item's outcome from
    /// one evaluation, and each renders its own findings from it.
    var outcomeGroups: [Int?] { plans.map(\.group) }

    /// An enabled rule with what evaluating it needs, made once: the evaluation passes one
    /// reference to it, not copies of the rule and its messages for each document.
    final class RulePlan: Sendable {
        let rule: Rule
        let messages: RuleMessages
        /// Whether the rule's check may read ``ScopeItem/ruleID``; the items of the others are
        /// passed as they are, without a copy that sets it.
        let readsRuleID: Bool
        /// The group of rules whose outcomes the rule shares (see ``Engine/outcomeGroups``).
        let group: Int?
        /// The index of the first of the pack's categories with the rule's key, if any.
        let category: Int?

        init(_ rule: Rule, group: Int?, category: Int?) {
            self.rule = rule
            self.messages = RuleMessages(rule)
            self.readsRuleID = Engine.readsRuleID(rule.check)
            self.group = group
            self.category = category
        }
    }

    /// A rule's message and its message for a scope without items, ready to fill.
    struct RuleMessages: Sendable {
        let message: MessageTemplate.Compiled
        let missing: MessageTemplate.Compiled

        init(_ rule: Rule) {
            message = MessageTemplate.Compiled(rule.message)
            missing = rule.missingMessage.map(MessageTemplate.Compiled.init) ?? message
        }
    }

    /// What rules must have in common to share outcomes.
    private struct SharedCheck: Hashable {
        var source: CheckSource
        var scope: Scope
    }

    /// The group of each rule (nil for a rule that shares with none), numbered in rule order,
    /// and the number of groups.
    static func outcomeGroups(of rules: [Rule]) -> (groups: [Int?], count: Int) {
        let keys = rules.map { rule in
            rule.checkSource.flatMap { isPure(rule.check) ? SharedCheck(source: $0, scope: rule.scope) : nil }
        }
        // Each key's count under its first rule, without a dictionary of a type of its own (see
        // ``EqualItems/first(count:hash:equal:)``).
        let first = EqualItems.first(
            count: keys.count, hash: { keys[$0]?.hashValue ?? 0 }, equal: { keys[$0] == keys[$1] })
        var members = [Int](repeating: 0, count: keys.count)
        for position in keys.indices where keys[position] != nil { members[first[position]] += 1 }
        var numbers = [Int?](repeating: nil, count: keys.count)
        var count = 0
        let groups = keys.indices.map { position -> Int? in
            let head = first[position]
            guard keys[position] != nil, members[head] > 1 else { return nil }
            if let number = numbers[head] { return number }
            numbers[head] = count
            count += 1
            return count - 1
        }
        return (groups, count)
    }

    /// Whether a check's outcome depends only on the item, the document and its parameters, so
    /// that rules may share it: built-in kinds only (a registry may give their names to other
    /// types), never `exec` (its program gets the rule's id) nor `pattern` (its deadline makes
    /// an outcome depend on time), and the nested checks of `all`, `any` and `not` too.
    static func isPure(_ check: any Check) -> Bool {
        switch check {
        case let check as AllCheck: check.checks.allSatisfy(isPure)
        case let check as AnyCheck: check.checks.allSatisfy(isPure)
        case let check as NotCheck: isPure(check.check)
        case is PresentCheck, is LexiconCheck, is QuantityCheck, is FrequencyCheck, is PeriodCheck,
            is SignatoriesCheck, is SourcesCheck, is ReadabilityCheck:
            true
        default: false
        }
    }

    /// Whether a check may read the item's ``ScopeItem/ruleID``: every kind but the built-in
    /// ones that never do (all but `exec`; `all`, `any` and `not` when their nested checks never do).
    static func readsRuleID(_ check: any Check) -> Bool {
        switch check {
        case let check as AllCheck: check.checks.contains(where: readsRuleID)
        case let check as AnyCheck: check.checks.contains(where: readsRuleID)
        case let check as NotCheck: readsRuleID(check.check)
        case is PresentCheck, is LexiconCheck, is QuantityCheck, is FrequencyCheck, is PeriodCheck,
            is SignatoriesCheck, is SourcesCheck, is ReadabilityCheck, is PatternCheck:
            false
        default: true
        }
    }

    /// Evaluates every enabled rule and scores the document.
    public func evaluate(_ document: Document) -> DocumentEvaluation {
        var scopes = ScopeResolver(document: document, lexicons: lexicons)
        var shared = [[CheckOutcome?]](repeating: [], count: outcomeGroupCount)
        var lists = ItemLists()
        var results: [RuleResult] = []
        results.reserveCapacity(plans.count)
        for plan in plans {
            let list = lists.index(of: plan.rule.scope, from: &scopes)
            results.append(evaluate(plan, on: document, items: &lists[list], shared: &shared))
        }
        let (suppressed, engineFindings) = applySuppressions(document.suppressions, to: &results, path: document.path)
        let score = Self.weightedScore(results) ?? 100
        return DocumentEvaluation(
            path: document.path, format: document.format, area: document.area?.text, title: document.title?.text,
            period: document.period.map(Self.describe), score: score, grade: pack.grade(for: score),
            categories: categoryScores(results), rules: results, notes: document.notes,
            engineFindings: engineFindings, suppressed: suppressed)
    }

    /// The score of each of the pack's categories that has results (`results` are those of
    /// ``plans``, in order), in one pass over them: what ``referenceCategoryScores(_:)`` gives.
    func categoryScores(_ results: [RuleResult]) -> [CategoryScore] {
        // By index: a loop over the results themselves would copy each.
        var sums = [(seen: Bool, total: Double, earned: Double)](
            repeating: (false, 0, 0), count: pack.categories.count)
        for index in plans.indices where index < results.count {
            guard let category = plans[index].category else { continue }
            sums[category].seen = true
            guard results[index].isScored else { continue }
            sums[category].total += results[index].weight
            sums[category].earned += results[index].weight * results[index].fraction
        }
        var scores: [CategoryScore] = []
        for (index, category) in pack.categories.enumerated() where sums[categoryGroups[index]].seen {
            let sum = sums[categoryGroups[index]]
            scores.append(
                CategoryScore(
                    key: category.key, title: category.title, score: Self.score(earned: sum.earned, of: sum.total)))
        }
        return scores
    }

    /// The categories' scores by filtering the results for each in turn; what
    /// ``categoryScores(_:)`` must agree with.
    func referenceCategoryScores(_ results: [RuleResult]) -> [CategoryScore] {
        pack.categories.compactMap { category -> CategoryScore? in
            guard results.contains(where: { $0.category == category.key }) else { return nil }
            let score = Self.weightedScore(results) { $0.category == category.key }
            return CategoryScore(key: category.key, title: category.title, score: score)
        }
    }

    /// Evaluates one rule, whether or not it is enabled; what `rules test` runs on examples.
    public func evaluate(_ rule: Rule, on document: Document) -> RuleResult {
        var scopes = ScopeResolver(document: document, lexicons: lexicons)
        var shared: [[CheckOutcome?]] = []
        var items = scopes.items(for: rule.scope)
        return evaluate(RulePlan(rule, group: nil, category: nil), on: document, items: &items, shared: &shared)
    }

    /// The items of each scope met in a document, each list held here alone (the resolver
    /// keeps none): a check gets each item read in place (`inout`, never written), as an item
    /// read from an array not held exclusively is copied for each call.
    struct ItemLists {
        private var lists: [(scope: Scope, items: [ScopeItem])] = []

        /// The position of the items of `scope`, taken from `scopes` when first asked for.
        mutating func index(of scope: Scope, from scopes: inout ScopeResolver) -> Int {
            if let known = lists.firstIndex(where: { $0.scope == scope }) { return known }
            lists.append((scope, scopes.items(for: scope)))
            return lists.count - 1
        }

        /// The items at `index`, from ``index(of:from:)``.
        subscript(index: Int) -> [ScopeItem] {
            get { lists[index].items }
            _modify { yield &lists[index].items }
        }
    }

    /// Evaluates the rule of `plan` on `items` (those of its scope); a rule of a group reads
    /// each item's outcome from `shared[group]` (one per item of the scope), or evaluates it
    /// there for the others of the group. The check gets an item with the rule's id set when
    /// it may read it, otherwise the item as the scope gives it. The items are not written.
    private func evaluate(
        _ plan: RulePlan, on document: Document, items: inout [ScopeItem], shared: inout [[CheckOutcome?]]
    ) -> RuleResult {
        let area = document.area?.text
        var findings: [Finding] = []
        /// A finding; `subject` is what a baseline fingerprint is made of when there is no excerpt.
        func finding(_ message: String, at location: SourceLocation, excerpt: String?, subject: String? = nil) {
            findings.append(
                Finding(
                    ruleID: plan.rule.id, severity: plan.rule.severity, message: message, hint: plan.rule.hint,
                    path: document.path, location: location, excerpt: excerpt, subject: subject))
        }

        guard !items.isEmpty else {
            let noun = plan.rule.scope == .signatories ? "signatories" : "commitments"
            finding(
                plan.messages.missing.render(FindingValues(rule: plan.rule.id, area: area)), at: .start, excerpt: nil)
            return result(
                plan.rule, fraction: 0, reason: "the promise has no \(noun) to check", findings: findings)
        }

        // Only the fractions' sum is needed once every item is done, and the reason when there
        // is one item: the first outcome is kept, and its reason read only then.
        var sum = 0.0
        var count = 0
        var passing = 0
        var firstOutcome: CheckOutcome?
        // A rule that needs `needed` items to pass drops its findings once they do: the failing
        // items' outcomes wait here until then, and are rendered, in item order, only when too
        // few passed. Once enough have, none is kept.
        let needed: Int? = if case .atLeast(let count) = plan.rule.requirement { count } else { nil }
        var waiting: [WaitingOutcome] = []
        let group = plan.group
        if let group, shared[group].isEmpty { shared[group] = Array(repeating: nil, count: items.count) }
        /// Evaluates the item at `position` (or reads its shared outcome) and adds its fraction and
        /// findings; the rule's result when the check failed or was skipped. `item` is `inout`
        /// only to be read in place.
        func visit(_ item: inout ScopeItem, at position: Int) -> RuleResult? {
            let outcome: CheckOutcome
            if let group, let known = shared[group][position] {
                outcome = known
            } else {
                if plan.readsRuleID {
                    var item = item
                    item.ruleID = plan.rule.id
                    outcome = plan.rule.check.evaluate(item, in: document)
                } else {
                    outcome = plan.rule.check.evaluate(item, in: document)
                }
                if let group { shared[group][position] = outcome }
            }
            if let failure = outcome.failure {
                var failed = result(plan.rule, fraction: 0, reason: failure, findings: [])
                failed.error = failure
                return failed
            }
            if let reason = outcome.skipped {
                var skipped = result(plan.rule, fraction: 0, reason: reason, findings: [])
                skipped.skipped = reason
                return skipped
            }
            if count == 0 { firstOutcome = outcome }
            // Added in item order, as a sum of the fractions in a list would be.
            sum += outcome.fraction
            count += 1
            guard !outcome.passed else {
                passing += 1
                if let needed, passing >= needed { waiting.removeAll() }
                return nil
            }
            if let needed {
                if passing < needed { waiting.append(WaitingOutcome(position: position, outcome: outcome)) }
                return nil
            }
            addFindings(of: outcome, for: &item)
            return nil
        }
        /// The findings of the failing `outcome` of `item` (`inout` only to be read in place).
        func addFindings(of outcome: CheckOutcome, for item: inout ScopeItem) {
            // The outcome's values, read once (a check may work them out on each read), and
            // only for a message with placeholders: without, it is the same for any values.
            let template = plan.messages.message
            let outcomeVariables = template.hasPlaceholders ? outcome.variables : MessageVariables()
            // Read once: a check may work its problems out on each read.
            let problems = outcome.problems
            if problems.isEmpty {
                // The item's own text, except for the whole document's, which changes with any edit.
                let subject = item.kind != .document ? Self.subject(of: item.text.spans) : nil
                let message = template.render(
                    FindingValues(outcome: outcomeVariables, item: item.variables, rule: plan.rule.id, area: area))
                finding(message, at: item.location, excerpt: nil, subject: subject)
            } else {
                for hit in problems {
                    let message = template.render(
                        FindingValues(
                            hit: hit.variables, outcome: outcomeVariables, item: item.variables, rule: plan.rule.id,
                            area: area))
                    finding(message, at: hit.location, excerpt: hit.excerpt)
                }
            }
        }
        for position in items.indices {
            if let early = visit(&items[position], at: position) { return early }
        }
        for entry in waiting where entry.position < items.count {
            addFindings(of: entry.outcome, for: &items[entry.position])
        }

        let fraction: Double
        let reason: String
        switch plan.rule.requirement {
        case .all:
            fraction = sum / Double(count)
            reason = count == 1 ? firstOutcome?.reason ?? "" : Self.passingReason(passing, of: count, items[0].kind)
        case .atLeast(let needed):
            fraction = CheckOutcome.shortfall(Double(passing), of: Double(needed))
            reason = Self.passingReason(passing, of: count, items[0].kind, needed: needed)
        }
        return result(plan.rule, fraction: fraction, reason: reason, findings: findings)
    }

    /// A failing item's outcome whose findings wait on whether enough items pass.
    /// (A struct, not a tuple: an array of tuples is destroyed by the runtime's generic code.)
    private struct WaitingOutcome {
        var position: Int
        var outcome: CheckOutcome
    }

    /// A finding's placeholder values: a hit's, else the outcome's, else the item's, else the
    /// rule's id or the promise's area; what merging them in that order would give, without
    /// making the merged list.
    struct FindingValues: MessageTemplate.MessageValues {
        var hit: MessageVariables?
        var outcome: MessageVariables?
        var item: MessageVariables?
        var rule: String
        var area: String?

        func value(_ name: String) -> String? {
            if let value = hit?[name] ?? outcome?[name] ?? item?[name] { return value }
            switch name {
            case "rule": return rule
            case "area": return area
            default: return nil
            }
        }
    }

    /// The spans' texts joined by spaces, as `spans.map(\.text).joined(separator: " ")` gives
    /// them: one span's text as it is, several in one string without an array of their texts.
    static func subject(of spans: [Span]) -> String {
        guard spans.count > 1 else { return spans.first?.text ?? "" }
        var count = spans.count - 1
        for span in spans { count += span.text.utf8.count }
        var subject = ""
        subject.reserveCapacity(count)
        for index in spans.indices {
            if index > 0 { subject.append(" ") }
            subject.append(spans[index].text)
        }
        return subject
    }

    /// "2 of 3 commitments pass", and "; 3 needed" when `needed` is given.
    static func passingReason(_ passing: Int, of count: Int, _ kind: ScopeItem.Kind, needed: Int? = nil) -> String {
        var reason = ReasonText(capacity: 48)
        reason.append(passing)
        reason.append(" of ")
        reason.append(count)
        reason.append(" ")
        reason.append(kind.rawValue)
        reason.append("s pass")
        if let needed {
            reason.append("; ")
            reason.append(needed)
            reason.append(" needed")
        }
        return reason.text
    }

    private func result(_ rule: Rule, fraction: Double, reason: String, findings: [Finding]) -> RuleResult {
        RuleResult(
            id: rule.id, title: rule.title, category: rule.category, severity: rule.severity, weight: rule.weight,
            fraction: fraction, passed: fraction >= pack.passThreshold, reason: reason, findings: findings,
            link: rule.link)
    }

    /// The weight-averaged fraction × 100, to one decimal; nil when nothing has weight.
    static func weightedScore(_ results: [RuleResult]) -> Double? {
        weightedScore(results) { _ in true }
    }

    /// ``weightedScore(_:)`` of the results that `includes`, without copying them: the sums
    /// are added in the same order.
    static func weightedScore(_ results: [RuleResult], where includes: (RuleResult) -> Bool) -> Double? {
        var total = 0.0
        var earned = 0.0
        for result in results where result.isScored && includes(result) {
            total += result.weight
            earned += result.weight * result.fraction
        }
        return score(earned: earned, of: total)
    }

    /// `earned` of `total` × 100, to one decimal; nil when `total` is not above 0.
    static func score(earned: Double, of total: Double) -> Double? {
        guard total > 0 else { return nil }
        return (earned / total * 1000).rounded() / 10
    }

    /// ``weightedScore(_:)`` by filtering and summing in turn; what the one-pass sums must agree with.
    static func referenceWeightedScore(_ results: [RuleResult]) -> Double? {
        let results = results.filter(\.isScored)
        let total = results.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return nil }
        let earned = results.reduce(0) { $0 + $1.weight * $1.fraction }
        return (earned / total * 1000).rounded() / 10
    }

    static func describe(_ period: Period) -> String {
        if let from = period.from?.text, let to = period.to?.text { return "\(from) – \(to)" }
        return period.text?.text ?? period.from?.text ?? period.to?.text ?? ""
    }
}

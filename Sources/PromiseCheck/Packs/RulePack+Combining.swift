extension RulePack {
    /// Several packs used together, as if a pack extended them in order: a later pack's rule
    /// replaces an earlier one's of the same id; categories, lexicons and section patterns are
    /// joined; grades and the pass threshold come from the first pack, the promise template from
    /// the last pack that has one.
    public static func combining(_ packs: [RulePack]) -> RulePack? {
        guard var combined = packs.first else { return nil }
        for pack in packs.dropFirst() {
            combined.name += "+" + pack.name
            combined.title += " + " + pack.title
            for category in pack.categories where !combined.categories.contains(where: { $0.key == category.key }) {
                combined.categories.append(category)
            }
            combined.lexicons.merge(pack.lexicons) { _, new in new }
            combined.template = pack.template ?? combined.template
            combined.sections =
                combined.sections.filter { section in !pack.sections.contains { $0.role == section.role } }
                + pack.sections
            let reading = pack.reading
            if !reading.titleArea.isEmpty { combined.reading.titleArea = reading.titleArea }
            if !reading.bodyArea.isEmpty { combined.reading.bodyArea = reading.bodyArea }
            if !reading.unsigned.isEmpty { combined.reading.unsigned = reading.unsigned }
            combined.reading.parties = reading.parties ?? combined.reading.parties
            combined.reading.signatoryRoles = reading.signatoryRoles ?? combined.reading.signatoryRoles
            for rule in pack.rules {
                if let index = combined.rules.firstIndex(where: { $0.id == rule.id }) {
                    combined.rules[index] = rule
                } else {
                    combined.rules.append(rule)
                }
            }
        }
        return combined
    }
}

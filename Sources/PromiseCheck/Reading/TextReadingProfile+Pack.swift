import Foundation

extension TextReadingProfile {
    /// The profile a pack's `sections:` and `reading:` tables describe.
    public init(pack: RulePack) {
        let reading = pack.reading
        self.init(
            sectionPatterns: Self.sectionPatterns(pack.sections),
            titleArea: Self.regexes(reading.titleArea),
            bodyArea: Self.regexes(reading.bodyArea),
            parties: reading.parties.flatMap { pack.lexicons[$0] }.map { PhraseMatcher($0) },
            signatoryRoles: reading.signatoryRoles.flatMap { pack.lexicons[$0] }.map { PhraseMatcher($0) },
            unsignedMarkers: Self.regexes(reading.unsigned))
    }
}

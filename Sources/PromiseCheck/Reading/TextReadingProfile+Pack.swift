import Foundation

extension TextReadingProfile {
    /// The profile a pack's `sections:` and `reading:` tables describe, with the regular
    /// expressions the pack loader compiled.
    public init(pack: RulePack) {
        let reading = pack.reading
        self.init(
            sectionPatterns: Self.sectionPatterns(pack.sections),
            titleArea: reading.titleArea.map(\.regex),
            bodyArea: reading.bodyArea.map(\.regex),
            parties: reading.parties.flatMap { pack.lexicons[$0] }.map { PhraseMatcher($0) },
            signatoryRoles: reading.signatoryRoles.flatMap { pack.lexicons[$0] }.map { PhraseMatcher($0) },
            unsignedMarkers: reading.unsigned.map(\.regex))
    }
}

import Foundation

/// A pack's `template:`: the skeleton of a new promise file, which `promisecheck init
/// --promise AREA` fills in. The guidance in it is the pack's (in the pack's language); the
/// engine only fills the placeholders.
public enum PromiseTemplate {
    /// `{area}` (escaped for a double-quoted YAML string, so write it inside `"…"`), `{year}`
    /// (this year) and `{next_year}`.
    public static let placeholders = ["area", "year", "next_year"]

    /// The template with its placeholders filled; other braces (YAML flow mappings) are left.
    public static func fill(_ template: String, area: String, year: Int) -> String {
        let escaped = String(YAMLText.quoted(area).dropFirst().dropLast())
        let values = ["area": escaped, "year": String(year), "next_year": String(year + 1)]
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let value = values[String(after[..<close])] {
                result += value
                rest = after[after.index(after: close)...]
            } else {
                result.append("{")
                rest = after
            }
        }
        return result + rest
    }

    /// Names in braces that look like placeholders (letters and `_`) but are not one.
    static func unknownPlaceholders(in template: String) -> [String] {
        MessageTemplate.placeholders(in: template).filter { !placeholders.contains($0) }
    }

    /// A file name for an area: lower case, letters without accents ("Övre Älvdal" →
    /// `ovre-alvdal`), other characters as single hyphens; `promise` when nothing is left.
    public static func slug(_ area: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for scalar in area.decomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            // Letters of any script stay (after losing their accents); digits too.
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingHyphen, !slug.isEmpty { slug += "-" }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return slug.isEmpty ? "promise" : slug
    }
}

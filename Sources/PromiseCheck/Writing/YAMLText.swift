/// Writes strings as YAML scalars that read back as the same text.
enum YAMLText {
    /// `text` as a one-line scalar: plain when that reads back unchanged, else double-quoted.
    static func scalar(_ text: String) -> String {
        isPlainSafe(text) ? text : quoted(text)
    }

    /// A double-quoted scalar with YAML's escapes.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\x" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// A folded block scalar (`>-`) for long text: paragraphs separated by blank lines, each
    /// wrapped at spaces, every line indented by `indent` spaces.
    static func folded(_ paragraphs: [String], indent: Int, width: Int = 96) -> String {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { lines.append("") }
            var line = ""
            for word in paragraph.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                if !line.isEmpty && line.count + 1 + word.count > width {
                    lines.append(pad + line)
                    line = ""
                }
                line += (line.isEmpty ? "" : " ") + word
            }
            if !line.isEmpty { lines.append(pad + line) }
        }
        return ">-\n" + lines.joined(separator: "\n")
    }

    /// A value after `key: `: one line when short and single-paragraph, else a folded block.
    static func value(_ paragraphs: [String], indent: Int) -> String {
        let cleaned = paragraphs.map(normalize).filter { !$0.isEmpty }
        if cleaned.count == 1, cleaned[0].count <= 80 { return scalar(cleaned[0]) }
        guard cleaned.allSatisfy(isFoldable) else {
            return quoted(cleaned.joined(separator: "\n\n"))
        }
        return folded(cleaned, indent: indent)
    }

    /// One line of text: runs of whitespace become one space.
    static func normalize(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private static let reserved: Set<String> = [
        "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n",
    ]

    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last, !first.isWhitespace, !last.isWhitespace else {
            return false
        }
        if "-?:,[]{}#&*!|>'\"%@`".contains(first) { return false }
        if last == ":" { return false }
        if text.contains(": ") || text.contains(" #") || text.contains("\t") { return false }
        if text.contains(where: { $0.isNewline }) { return false }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{FEFF}" }) {
            return false
        }
        if reserved.contains(text.lowercased()) { return false }
        if Double(text) != nil || text.allSatisfy({ $0.isNumber || $0 == "-" || $0 == ":" || $0 == "." }) {
            return false
        }
        return true
    }

    /// Whether a folded block reproduces the text: no control characters, no leading space.
    private static func isFoldable(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{FEFF}" }
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}

/// Escapes text for XML and HTML, the one escaper the JUnit and HTML reporters share.
///
/// The result is safe both as element content and inside a double- or single-quoted attribute
/// value. Characters XML 1.0 cannot carry at all, even as references (most C0 controls,
/// lone surrogates cannot occur in a Swift string), become U+FFFD; in attributes, tabs and line
/// breaks become character references so attribute-value normalisation keeps them.
public enum MarkupEscaping {
    public static func escape(_ text: String, inAttribute: Bool = false) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t" where inAttribute: result += "&#9;"
            case "\n" where inAttribute: result += "&#10;"
            case "\r": result += "&#13;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            default:
                result.unicodeScalars.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return result
    }

    /// `escape(text, inAttribute: true)`.
    public static func attribute(_ text: String) -> String {
        escape(text, inAttribute: true)
    }

    /// Whether XML 1.0 allows the character in a document; C1 controls and noncharacters are
    /// allowed there but discouraged, and HTML treats them as errors, so they are replaced too.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E: true
        case 0x7F...0x9F: false
        case 0xA0...0xD7FF, 0xE000...0xFFFD: !(0xFDD0...0xFDEF).contains(scalar.value)
        case 0x10000...0x10FFFF: scalar.value & 0xFFFE != 0xFFFE
        default: false
        }
    }
}

/// The shapes of pack names and rule ids, checked by a loop over the scalars rather than a
/// regular expression compiled on every call.
enum PackNames {
    /// `^[a-z0-9][a-z0-9_.-]*$`.
    static func isPackName(_ name: String) -> Bool {
        matches(name, first: isLowerOrDigit, rest: { isLowerOrDigit($0) || isPunctuation($0) })
    }

    /// `^[A-Za-z0-9][A-Za-z0-9_.-]*$`.
    static func isRuleID(_ id: String) -> Bool {
        matches(id, first: isLetterOrDigit, rest: { isLetterOrDigit($0) || isPunctuation($0) })
    }

    /// Whether `text` is a first scalar and any rest; as the regular expression's `$` did, one
    /// line break at the very end is allowed.
    private static func matches(
        _ text: String, first: (Unicode.Scalar) -> Bool, rest: (Unicode.Scalar) -> Bool
    ) -> Bool {
        var scalars = Array(text.unicodeScalars)
        if scalars.count >= 2, scalars[scalars.count - 2] == "\r", scalars[scalars.count - 1] == "\n" {
            scalars.removeLast(2)
        } else if let last = scalars.last, ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains(last) {
            scalars.removeLast()
        }
        guard let head = scalars.first, first(head) else { return false }
        return scalars.dropFirst().allSatisfy(rest)
    }

    private static func isLowerOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        isLowerOrDigit(scalar) || ("A"..."Z").contains(scalar)
    }

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar == "." || scalar == "-"
    }
}

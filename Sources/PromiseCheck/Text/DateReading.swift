/// Calendar rules for dates written in promises.
enum DateReading {
    /// The years a bare four-digit number may stand for; outside them it is some other number.
    static let plausibleYears = 1900...2099

    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The days of `month` in `year`; February has 29 when the year is unknown.
    static func days(inMonth month: Int, year: Int?) -> Int? {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: 31
        case 4, 6, 9, 11: 30
        case 2: year.map { isLeapYear($0) ? 29 : 28 } ?? 29
        default: nil
        }
    }

    /// Month numbers by folded month name, from a lexicon parameter of name → 1…12.
    ///
    /// Throws when a term has no value or one that is no month, as such a lexicon would
    /// silently read no dates.
    static func monthNumbers(_ parameters: CheckParameters, _ name: String) throws(CheckConfigurationError)
        -> WordTable<Int>
    {
        guard let lexicon = try parameters.lexicon(name) else { return WordTable([:]) }
        for entry in lexicon.entries {
            guard let value = entry.value, value >= 1, value <= 12, value == value.rounded() else {
                throw CheckConfigurationError(
                    "month '\(entry.term)' of lexicon '\(lexicon.name)' needs a month number 1–12 (name: number)",
                    at: parameters.location(of: name))
            }
        }
        var months: [String: Int] = [:]
        for (word, value) in lexicon.wordValues { months[word] = Int(value) }
        return WordTable(months)
    }
}

/// A day of the calendar, ordered in time.
struct CalendarDay: Sendable, Hashable, Comparable {
    var year: Int
    var month: Int
    var day: Int

    /// `YYYY-MM-DD`, written digit by digit.
    var iso: String {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else { return paddedISO }
        return String(unsafeUninitializedCapacity: 10) { buffer in
            func write(_ value: Int, width: Int, at start: Int) {
                var value = value
                for position in (start..<(start + width)).reversed() {
                    buffer[position] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            write(year, width: 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            write(month, width: 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            write(day, width: 2, at: 8)
            return 10
        }
    }

    /// ``iso`` for any values: each number as `String` writes it, padded with zeros to its
    /// width. What ``iso`` must agree with.
    var paddedISO: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// The same day `months` later; the day may overflow its month, which still orders correctly.
    func adding(months: Int) -> CalendarDay {
        let total = (month - 1) + months
        return CalendarDay(year: year + total / 12, month: total % 12 + 1, day: day)
    }

    static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// A date as written: a year, a month and a day, any of which may be left out.
///
/// Holds the numbers as written, so "31 juni" or "2023-13-01" can be read and then reported
/// as impossible.
struct WrittenDate: Sendable, Hashable {
    var year: Int?
    var month: Int?
    var day: Int?
    /// The tokens it was read from.
    var tokens: Range<Int>

    /// Whether the parts given can belong to a real day: a month of 1…12, a day that exists in
    /// it (in that year, when known), a year in ``DateReading/plausibleYears``.
    var isPossible: Bool {
        if let year, !DateReading.plausibleYears.contains(year) { return false }
        if let month, !(1...12).contains(month) { return false }
        if let day {
            guard let month, let days = DateReading.days(inMonth: month, year: year) else { return false }
            return (1...days).contains(day)
        }
        return true
    }

    /// The first day it may mean: day 1 of a month without a day, January of a year alone.
    var firstDay: CalendarDay? {
        guard let year, isPossible else { return nil }
        return CalendarDay(year: year, month: month ?? 1, day: day ?? 1)
    }

    /// The last day it may mean.
    var lastDay: CalendarDay? {
        guard let year, isPossible else { return nil }
        let month = month ?? 12
        return CalendarDay(year: year, month: month, day: day ?? DateReading.days(inMonth: month, year: year) ?? 31)
    }

    /// Whether it names a day, not just a month or a year.
    var isFullDate: Bool { year != nil && month != nil && day != nil }
}

/// Reads dates at token positions: `YYYY-MM-DD`, `D month [YYYY]` and `month YYYY`.
///
/// Month names come from the pack's month lexicon. A date never spans two spans.
struct DateReader {
    let text: TokenizedText
    let tokens: [Token]
    let months: WordTable<Int>

    init(text: TokenizedText, months: WordTable<Int>) {
        self.text = text
        self.tokens = text.tokens
        self.months = months
    }

    /// The month a word token names.
    func month(at index: Int) -> Int? {
        guard index < tokens.count, tokens[index].kind == .word else { return nil }
        return months[token: tokens[index], in: text]
    }

    /// Whether `index` is a token in the same span as the token at `anchor`.
    func sameSpan(_ index: Int, as anchor: Int) -> Bool {
        index >= 0 && index < tokens.count && anchor >= 0 && anchor < tokens.count
            && tokens[index].spanIndex == tokens[anchor].spanIndex
    }

    /// The date that starts at `index`, if one does.
    func read(at index: Int) -> WrittenDate? {
        guard index >= 0, index < tokens.count else { return nil }
        // An ISO date and a day before a month start with digits; a month name is a word.
        switch tokens[index].kind {
        case .number: return readISO(at: index) ?? readDayMonth(at: index)
        case .word: return readMonthYear(at: index)
        case .symbol: return nil
        }
    }

    /// Four digits, a dash, one or two digits, a dash, one or two digits.
    private func readISO(at index: Int) -> WrittenDate? {
        guard sameSpan(index + 4, as: index), tokens[index].digitCount == 4,
            tokens[index + 1].isSymbol("-"), tokens[index + 3].isSymbol("-"),
            let year = tokens[index].integer(maxDigits: 4),
            let month = tokens[index + 2].integer(maxDigits: 2),
            let day = tokens[index + 4].integer(maxDigits: 2)
        else { return nil }
        return WrittenDate(year: year, month: month, day: day, tokens: index..<index + 5)
    }

    /// One or two digits, a month name, and a plausible year when one follows.
    private func readDayMonth(at index: Int) -> WrittenDate? {
        guard sameSpan(index + 1, as: index), let day = tokens[index].integer(maxDigits: 2),
            let month = month(at: index + 1)
        else { return nil }
        if sameSpan(index + 2, as: index), let year = tokens[index + 2].plausibleYear {
            return WrittenDate(year: year, month: month, day: day, tokens: index..<index + 3)
        }
        return WrittenDate(month: month, day: day, tokens: index..<index + 2)
    }

    /// A month name and a plausible year.
    private func readMonthYear(at index: Int) -> WrittenDate? {
        // The year first: it turns most words away without looking them up.
        guard sameSpan(index + 1, as: index), let year = tokens[index + 1].plausibleYear,
            let month = month(at: index)
        else { return nil }
        return WrittenDate(year: year, month: month, tokens: index..<index + 2)
    }
}

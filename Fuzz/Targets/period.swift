/// Fuzzes the period check (dates, date and year ranges, cues) with the shipped pack's lexicons.
///
/// The first two lines also stand as a structured `period: {from, to}`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPeriod(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let item = FuzzSupport.item(data, size)
    var document = Document(path: "fuzz.txt", format: .text)
    let spans = item.text.spans
    document.period = Period(location: .start)
    document.period?.from = spans.first
    document.period?.to = spans.count > 1 ? spans[1] : nil
    _ = periodCheck.evaluate(item, in: document)
    _ = periodCheck.evaluate(item, in: Document(path: "fuzz.txt", format: .text))
    return 0
}

private let periodCheck = FuzzSupport.check(
    "{check: period, with: {months: months, cues: period_cues, range_words: range_words, window: 6, max_years: 5}}")

/// Fuzzes the quantity check (numbers, number words, units, markers, percentages) with the
/// shipped pack's lexicons.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuantity(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let item = FuzzSupport.item(data, size)
    let document = Document(path: "fuzz.txt", format: .text)
    _ = quantityCheck.evaluate(item, in: document)
    _ = yearsCheck.evaluate(item, in: document)
    return 0
}

private let quantityCheck = FuzzSupport.check(
    """
    {check: quantity, with: {number_words: number_words, units: units, markers: quantity_markers,
      not_units: not_units, gap: 2, count_years: false}}
    """)

private let yearsCheck = FuzzSupport.check(
    "{check: quantity, with: {number_words: number_words, units: units, gap: 0, count_years: true, min: 3}}")

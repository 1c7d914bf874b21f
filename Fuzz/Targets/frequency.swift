/// Fuzzes the frequency check (terms with `{n}`, number words, dated occasions) with the
/// shipped pack's lexicons.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrequency(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    _ = frequencyCheck.evaluate(FuzzSupport.item(data, size), in: Document(path: "fuzz.txt", format: .text))
    return 0
}

private let frequencyCheck = FuzzSupport.check(
    """
    {check: frequency, with: {frequencies: frequencies, number_words: number_words, vague: vague_frequency,
      months: months, min_per_year: 1}}
    """)

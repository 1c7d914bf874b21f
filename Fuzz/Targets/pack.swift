/// Fuzzes the pack loader: the input is a `pack.yaml` beside the shipped pack's, so it can
/// extend that pack and name its lexicons. A pack that loads is evaluated on an example.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPack(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let loader = PackLoader(locator: FuzzSupport.locator)
    let result = loader.load(
        bytes: FuzzSupport.bytes(data, size), file: FuzzSupport.root + "/Rules/medborgarlofte/fuzz-pack.yaml")
    guard let pack = result.pack else { return 0 }
    let checker = Checker(pack: pack)
    _ = checker.check(document).evaluation?.score
    return 0
}

/// A small promise with a bit of everything, read once.
private let document: Document = {
    let yaml = """
        promise: 1
        title: Medborgarlöfte för Exempelby 2025–2026
        area: Exempelby
        parties: [Lokalpolisområde Exempelby, Exempelby kommun]
        period: {from: 2025-01-01, to: 2026-12-31}
        situation:
          text: Otryggheten i centrum har ökat enligt trygghetsmätningen 2024.
          sources: [brottsstatistik 2024, trygghetsmätning 2024]
        commitments:
          - title: Trygghetsvandringar
            by: [polisen, kommunen]
            actions: [Genomföra trygghetsvandringar i centrum]
            target: minst fyra trygghetsvandringar per år
        follow_up: {frequency: fyra gånger per år, channels: [kommunens hemsida]}
        expected_effect: Färre anmälda brott och ökad trygghet.
        signatories:
          - {name: Anna Andersson, role: Lokalpolisområdeschef, party: polisen, date: 2025-01-15}

        """
    guard let document = PromiseFileReader().read(Array(yaml.utf8), path: "exempel.yaml").document else {
        fatalError("the example promise does not read")
    }
    return document
}()

extension JudgementContext {
    /// The `NIP_*` disparities of one code: one per ASN person whose first NIP problem it is.
    func nipProblems(_ code: DisparityCode) -> [Disparity] {
        // A loop, not `compactMap`: its closure's answer for each of 1.7 million links, nearly all none, was an
        // optional finding of 300 bytes moved in memory (0.3 CPU-seconds nationally over the four codes).
        var found = [Disparity]()
        for link in linkage.links where link.nipProblem == code { found.append(nipProblem(code, link)) }
        return found
    }

    /// The `NIP_*` disparity `code` of the person of `link`.
    private func nipProblem(_ code: DisparityCode, _ link: PersonLink) -> Disparity {
        var d = ptkDisparity(code, person: link.person)
        let row = indukRow(ofPerson: link.person)
        d.field = "nip"
        d.dapodikValue = row.nipText ?? ""
        switch link.method {
        case .suggested:
            if let e = link.employee {
                let employee = batch.employees[e]
                d.siasnValue = employee.nipBaru
                d.suggestion = "\(employee.nipBaru) / \(employee.pnsId.text)"
            }
        case .ambiguous:
            d.suggestion = "\(link.candidates) kandidat di SIASN; periksa manual"
        default:
            break
        }
        if code == .nipGanda { d.siasnValue = siasnHolders(ofDoubled: row.nip.nip) }
        return d
    }

    /// `NIP_GANDA` of the non-ASN people involved in a doubled NIP (PNS Depag aside), as the ASN people's.
    func nipGandaOfNonASN() -> [Disparity] {
        linkage.doubledNonASN.map { person in
            var d = ptkDisparity(.nipGanda, person: person)
            let row = indukRow(ofPerson: person)
            d.field = "nip"
            d.dapodikValue = row.nipText ?? ""
            d.siasnValue = siasnHolders(ofDoubled: row.nip.nip)
            return d
        }
    }

    /// What SIASN holds under a doubled NIP: its `nip_baru`, and the PNS IDs when two SIASN people hold it
    /// (`199411232022041179 (PNS ID 1a…, 2b…)`); empty when SIASN does not hold it.
    func siasnHolders(ofDoubled nip: NIP?) -> String {
        guard let nip, let holders = linkage.siasnOfDoubledNIP[nip.value], let first = holders.first else { return "" }
        let written = batch.employees[first].nipBaru
        guard holders.count > 1 else { return written }
        return written + " (PNS ID " + holders.map { batch.employees[$0].pnsId.text }.joined(separator: ", ") + ")"
    }
}

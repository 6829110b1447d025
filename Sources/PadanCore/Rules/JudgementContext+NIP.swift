extension JudgementContext {
    /// The `NIP_*` disparities of one code: one per ASN person whose first NIP problem it is.
    func nipProblems(_ code: DisparityCode) -> [Disparity] {
        linkage.links.compactMap { link in
            guard link.nipProblem == code else { return nil }
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
            return d
        }
    }
}

/// `ASN_TIDAK_ADA_DI_DAPODIK`: a SIASN teacher (or a person in a school's unit) whose NIP no Dapodik ASN or
/// PNS Depag row carries, who is not a row's single suggested candidate and has not left service.
public struct AsnTidakAdaDiDapodikRule: DisparityRule {
    public init() {}
    public var code: DisparityCode { .asnTidakAdaDiDapodik }

    public func findings(in context: JudgementContext) -> [Disparity] {
        context.linkage.missingFromDapodik.map { e in
            let employee = context.batch.employees[e]
            // By `key`, not `text`: a dashed and an undashed spelling of one PNS ID are one subject, one id.
            var d = Disparity(code: code, subject: .asn, subjectKey: "pns:" + employee.pnsId.key)
            d.nip = employee.nipBaru
            d.pnsId = employee.pnsId.text
            d.nama = employee.nama
            d.unorId = employee.unorId.text
            d.source = employee.source.description
            d.field = "nip"
            d.siasnValue = employee.nipBaru
            if let unit = context.unit(of: employee), let npsn = context.unitMap.school(ofUnit: unit, in: context.tree)
            {
                context.fillSchool(&d, npsn: npsn)
            } else {
                // Its UPT is that of the government's area (``JudgementContext/finished(_:)``).
                d.kabupatenKota = employee.government?.description ?? employee.instansiKerja
            }
            return d
        }
    }
}

/// Creates the governments of a region and their offices in SIASN: each tree's root (the
/// government), its education office and a few other offices, and for a province one branch office
/// (`CABANG DINAS`) per kabupaten of the region, under which its SMA/SMK/SLB units sit.
struct GovernmentBuilder {
    /// Per catalog region: the unit its province schools' units hang under.
    var branchOfRegion: [Int: String] = [:]

    mutating func build(plan: RegionPlan, index: inout MatchIndex, nips: inout NIPRegistry, random: inout SampleRandom)
    {
        var provinceByCode: [String: Int] = [:]
        for regionIndex in plan.regionIndices {
            let region = plan.catalogRegions[regionIndex]
            let kabupaten = addGovernment(.of(region, index: regionIndex), plan: plan, nips: &nips, random: &random)
            let province: Int
            if let known = provinceByCode[region.provinceCode] {
                province = known
            } else {
                province = addGovernment(.province(of: region), plan: plan, nips: &nips, random: &random)
                provinceByCode[region.provinceCode] = province
            }
            plan.governmentOfRegion[regionIndex] = (kabupaten, province)
            index.link(government: kabupaten, region: regionIndex)
            index.link(government: province, region: regionIndex)
            let offices = plan.offices[province]
            let branch = Identifiers.siasnID(&random)
            plan.addUnit(
                PlannedUnit(
                    id: branch, name: "CABANG DINAS PENDIDIKAN WILAYAH KABUPATEN " + region.bareName.uppercased(),
                    parentID: offices.dinasID, instansiID: offices.rootID, aktif: "1", depth: 2))
            branchOfRegion[regionIndex] = branch
        }
    }

    private func addGovernment(
        _ government: Government, plan: RegionPlan, nips: inout NIPRegistry, random: inout SampleRandom
    ) -> Int {
        let root = Identifiers.hex32(&random, upper: random.chance(0.5))
        // The root's name: Kab./Kabupaten both occur in SIASN.
        let rootName =
            government.kind == .kabupaten && random.chance(0.4) ? government.alternateName : government.rootName
        plan.addUnit(PlannedUnit(id: root, name: rootName, parentID: "", instansiID: root, aktif: "1", depth: 0))
        let dinas = Identifiers.siasnID(&random)
        plan.addUnit(
            PlannedUnit(
                id: dinas, name: "DINAS PENDIDIKAN", parentID: root, instansiID: root,
                aktif: random.chance(0.5) ? "1" : nil, depth: 1))
        let others =
            government.kind == .provinsi
            ? ["BADAN KEPEGAWAIAN DAERAH", "RUMAH SAKIT UMUM DAERAH", "DINAS KESEHATAN"]
            : ["BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA", "DINAS KESEHATAN", "SEKRETARIAT DAERAH"]
        var otherIDs: [String] = []
        for name in others {
            let id = Identifiers.siasnID(&random)
            plan.addUnit(
                PlannedUnit(
                    id: id, name: name, parentID: root, instansiID: root,
                    aktif: random.pick(["1", "true", "Y", nil]), depth: 1))
            otherIDs.append(id)
        }
        let birth = Day.random(&random, years: 1966...1975)
        let kadis = nips.pns(birth: birth, sex: random.chance(0.7) ? .male : .female, random: &random)
        plan.governments.append(government)
        plan.offices.append(
            GovernmentOffices(
                rootID: root, dinasID: dinas, otherIDs: otherIDs, kadisNIP: kadis,
                kadisPnsID: Identifiers.siasnID(&random), kadisBirth: birth))
        return plan.governments.count - 1
    }
}

/// Builds a region's plan: governments and offices, the planted school cases, the background
/// schools, and how many PTK rows each school gets.
enum RegionPlanner {
    /// Plans a region of about `teachers` PTK rows over `scope`.
    static func plan(
        catalog: SchoolCatalog, scope: RegionScope, teachers: Int, random: inout SampleRandom
    ) -> (RegionPlan, NIPRegistry) {
        let plan = RegionPlan(catalogRegions: catalog.regions, regionIndices: scope.regionIndices)
        var index = MatchIndex(regions: catalog.regions, scope: scope.regionIndices)
        var nips = NIPRegistry()
        var builder = GovernmentBuilder()
        var governmentRandom = random.fork(1)
        builder.build(plan: plan, index: &index, nips: &nips, random: &governmentRandom)
        let pool = SchoolPool(catalog: catalog, plan: plan, index: index)
        var placer = SchoolPlacer(
            plan: plan, pool: pool, index: index, random: random.fork(2),
            branchOfRegion: builder.branchOfRegion)

        let rounds = max(1, teachers / SampleScale.teachersPerSchoolRound)
        for round in 0..<rounds {
            let region =
                scope.quota.isEmpty
                ? scope.regionIndices[round % scope.regionIndices.count] : scope.regionIndices[0]
            plantSchoolRound(&placer, region: region, scope: scope, catalog: catalog)
        }
        for region in scope.regionIndices {
            placer.fill(region: region, quota: scope.quota[region])
        }
        plan.schools.sort {
            ($0.real.regionIndex == scope.regionIndices.first ? 0 : 1, $0.real.npsn)
                < ($1.real.regionIndex == scope.regionIndices.first ? 0 : 1, $1.real.npsn)
        }
        var budgetRandom = random.fork(3)
        StaffBudget.assign(plan: plan, teachers: teachers, random: &budgetRandom)
        return (plan, nips)
    }

    /// One of each planted school case in `region` (its kabupaten and its province).
    private static func plantSchoolRound(
        _ placer: inout SchoolPlacer, region: Int, scope: RegionScope, catalog: SchoolCatalog
    ) {
        placer.plantNumberPair(region: region, trap: false)
        placer.plantNumberPair(region: region, trap: true)
        placer.plantNumberStyle(region: region)
        placer.plantStaleDuplicate(region: region)
        placer.plantNested(region: region)
        placer.plantClaimedTwice(region: region)
        placer.plantTakenTrap(region: region)
        placer.plantFuzzy(region: region, provincial: false)
        placer.plantCrosswalk(region: region)
        placer.plantCrosswalkConfirm(region: region)
        placer.plantCrosswalkInactive(region: region)
        placer.plantCrosswalkNpsnTwice(region: region)
        placer.plantCrosswalkUnitTwice(region: region)
        placer.plantUnmapped(region: region, provincial: false)
        placer.plantPenilai(region: region, style: .none, role: "penilai_none")
        placer.plantPenilai(region: region, style: .unlinked, role: "penilai_unlinked")
        placer.plantPenilai(region: region, style: .plt, role: "penilai_plt")
        placer.plantPenilai(region: region, style: .two, role: "penilai_two_heads")
        placer.plantPenilai(region: region, style: .jenisOnly, role: "penilai_jenis_ptk")
        placer.plantSwasta(region: region)
        placer.plantSwasta(region: region)
        placer.plantFuzzy(region: region, provincial: true)
        placer.plantUnmappedWithSuggestion(region: region)
        let province = catalog.regions[region].provinceCode
        if let other = scope.regionIndices.first(where: { $0 != region && catalog.regions[$0].provinceCode == province }
        ) {
            placer.plantOtherRegionTrap(region: region, otherRegion: other)
        }
    }
}

/// How planted cases scale with the region's size.
package enum SampleScale {
    /// One round of planted school cases per this many teachers (at least one round).
    package static let teachersPerSchoolRound = 2_000
    /// One round of planted person cases per this many teachers (at least one round).
    package static let teachersPerPersonRound = 1_000
    /// Above this many teachers the truth is not written unless asked for.
    package static let truthLimit = 20_000
}

using Emiss.Events.Selection;

namespace Emiss.Analysis.CutFlow;

/// <summary>
/// The populations of the seed's Fig. 2 (left panel: the events after the loose SRD cut in the (E_ECAL, E_HCAL) plane;
/// PRL 118, 011802 (2017), p. 3) that are defined by the energy sum: region II, "hadron electroproduction in the target
/// which satisfy the energy conservation E_ECAL + E_HCAL ≃ 100 GeV within the energy resolution", and region III, whose
/// "fraction is a few 10⁻²", "mostly due to pile-up of e⁻ and beam hadrons", i.e. more energy than one beam particle
/// brings. Region I (dimuons) is the dimuon benchmark of the systematics. Counts by run, weighted; rows are handed in
/// by the caller (the blind data set hands out none inside the blinded region, which lies outside both regions). Not
/// thread-safe.
/// </summary>
public sealed class Fig2Populations
{
    /// <summary>Region II: E_HCAL ≥ the box's HCAL edge and E_ECAL + E_HCAL within this fraction of the beam energy.
    /// [assumed] ±20 %: the hadronic part dominates the resolution of the sum, σ/E ≈ 60 %/√E in the HCAL, 13 % of
    /// E0 at 3σ for 50 GeV there (docs/physics/analysis-selection.md#fig-2-populations).</summary>
    public const double RegionIIHalfWidth = 0.2;

    private readonly double _beamEnergyGeV, _hcalBoxGeV;
    private readonly SortedDictionary<int, (long[] Events, double[] Weights)> _runs = [];

    /// <summary>A counter for <paramref name="cuts"/>' regions and a beam of <paramref name="beamEnergyGeV"/>.</summary>
    public Fig2Populations(SelectionCuts cuts, double beamEnergyGeV)
    {
        ArgumentNullException.ThrowIfNull(cuts);
        if (!(beamEnergyGeV > 0) || double.IsInfinity(beamEnergyGeV)) throw new ArgumentOutOfRangeException(nameof(beamEnergyGeV), beamEnergyGeV, "must be finite and > 0");
        _beamEnergyGeV = beamEnergyGeV;
        _hcalBoxGeV = cuts.Regions.HcalMaxGeV;
    }

    /// <summary>The populations in their output order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["loose_srd", "region_ii", "region_iii"];

    /// <summary>Index in <see cref="Names"/> of the region an event after the loose SRD cut lies in: 1 (II), 2 (III) or
    /// −1 (neither).</summary>
    public static int RegionOf(double ecalGeV, double hcalGeV, double hcalBoxGeV, double beamEnergyGeV)
    {
        double sum = ecalGeV + hcalGeV;
        if (sum > (1 + RegionIIHalfWidth) * beamEnergyGeV) return 2;
        return hcalGeV >= hcalBoxGeV && sum >= (1 - RegionIIHalfWidth) * beamEnergyGeV ? 1 : -1;
    }

    /// <summary>Counts row <paramref name="row"/> of <paramref name="columns"/> if it passes the loose SRD cut;
    /// <paramref name="lastPassed"/> is the row's last passed stage, which the caller has evaluated with the same cuts
    /// (the report's plane needs it too, so it is evaluated once).</summary>
    public void Add(SelectionColumns columns, int row, CutStage lastPassed)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (lastPassed < CutStage.LooseSrd) return;
        int run = columns.Run[row];
        if (!_runs.TryGetValue(run, out var tally)) _runs[run] = tally = (new long[Names.Count], new double[Names.Count]);
        double weight = columns.Weight[row];
        tally.Weights[0] += weight;
        tally.Events[0]++;
        int region = RegionOf(columns.EcalEnergyGeV[row], columns.HcalEnergyGeV[row], _hcalBoxGeV, _beamEnergyGeV);
        if (region < 0) return;
        tally.Weights[region] += weight;
        tally.Events[region]++;
    }

    /// <summary>One row per run and population, then the runs' sum as run 0: events, weighted events and the weighted
    /// fraction of the events after the loose SRD cut.</summary>
    public IReadOnlyList<Fig2Population> Result()
    {
        var rows = new List<Fig2Population>();
        var total = new double[Names.Count];
        var totalN = new long[Names.Count];
        foreach (var (run, (n, w)) in _runs)
        {
            for (int p = 0; p < Names.Count; p++)
            {
                rows.Add(new Fig2Population(run, Names[p], n[p], w[p], w[0] > 0 ? w[p] / w[0] : 0));
                total[p] += w[p];
                totalN[p] += n[p];
            }
        }
        for (int p = 0; p < Names.Count; p++)
            rows.Add(new Fig2Population(0, Names[p], totalN[p], total[p], total[0] > 0 ? total[p] / total[0] : 0));
        return rows;
    }
}

/// <summary>A population of the seed's Fig. 2 in one run (0: all runs).</summary>
public sealed record Fig2Population(int Run, string Population, long Events, double WeightedEvents, double FractionOfLooseSrd);

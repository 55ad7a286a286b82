namespace Emiss.Events.Selection;

/// <summary>
/// Every cut value of the seed's event selection (PRL 118, 011802 (2017), criteria i–iv, the signal box and the
/// sidebands of its Fig. 2). All members are required: a cut card must state each value, nothing falls back to a
/// default hidden in code. Values and their sources: docs/physics/analysis-selection.md#cut-values.
/// </summary>
public sealed record SelectionCuts
{
    /// <summary>Physics-trigger requirement.</summary>
    public required TriggerCut Trigger { get; init; }

    /// <summary>Loose SRD preselection (the seed's ≈ 5·10⁴ checkpoint).</summary>
    public required LooseSrdCut LooseSrd { get; init; }

    /// <summary>(i) Incoming track.</summary>
    public required TrackCut Track { get; init; }

    /// <summary>(ii) SRD energy in the SR range and in time.</summary>
    public required SrdCut Srd { get; init; }

    /// <summary>(iii) ECAL shower shape.</summary>
    public required EcalShapeCut Ecal { get; init; }

    /// <summary>(iv) No activity in V2.</summary>
    public required VetoCut V2 { get; init; }

    /// <summary>Signal box and sidebands in the (E_ECAL, E_HCAL) plane.</summary>
    public required SignalRegions Regions { get; init; }

    /// <summary>Every problem with the values (empty when valid), each as "path: problem".</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Check(bool ok, string path, string problem)
        {
            if (!ok) errors.Add($"{path}: {problem}");
        }
        static bool Finite(double v) => double.IsFinite(v);
        Check(Finite(LooseSrd.MinMeV) && Finite(LooseSrd.TimeWindowNs) && LooseSrd.TimeWindowNs > 0, "looseSrd", "minMeV must be finite and timeWindowNs finite and > 0");
        Check(Finite(Track.ThetaMaxMrad) && Track.ThetaMaxMrad > 0, "track.thetaMaxMrad", "must be finite and > 0");
        Check(Finite(Track.MomentumGeV) && Track.MomentumGeV > 0, "track.momentumGeV", "must be finite and > 0");
        Check(Finite(Track.MomentumHalfWidthGeV) && Track.MomentumHalfWidthGeV > 0, "track.momentumHalfWidthGeV", "must be finite and > 0");
        Check(Finite(Srd.MinMeV) && Finite(Srd.MaxMeV) && Srd.MinMeV < Srd.MaxMeV, "srd", "need finite minMeV < maxMeV");
        Check(Srd.MinMeV >= LooseSrd.MinMeV, "srd.minMeV", "must not be below looseSrd.minMeV (the loose cut is a preselection)");
        Check(Finite(Srd.TimeWindowNs) && Srd.TimeWindowNs > 0 && Srd.TimeWindowNs <= LooseSrd.TimeWindowNs, "srd.timeWindowNs", "must be > 0 and not wider than looseSrd.timeWindowNs");
        Check(Ecal.BeamCellX >= 0 && Ecal.BeamCellY >= 0, "ecal.beamCellX/beamCellY", "must be cell indices ≥ 0");
        Check(Finite(Ecal.PreshowerMinGeV), "ecal.preshowerMinGeV", "must be finite");
        if (Ecal.PreshowerMinTable is { } pt)
        {
            Check(pt.EnergiesGeV is { Count: >= 2 } && pt.MinGeV is not null && pt.MinGeV.Count == pt.EnergiesGeV.Count,
                  "ecal.preshowerMinTable", "needs energiesGeV and minGeV lists of the same length ≥ 2");
            Check(pt.EnergiesGeV is not null && pt.EnergiesGeV.All(v => Finite(v) && v > 0) && pt.EnergiesGeV.Zip(pt.EnergiesGeV.Skip(1)).All(q => q.First < q.Second),
                  "ecal.preshowerMinTable.energiesGeV", "must be finite, > 0 and strictly increasing");
            Check(pt.MinGeV is not null && pt.MinGeV.All(v => Finite(v) && v >= 0), "ecal.preshowerMinTable.minGeV", "must be finite and ≥ 0");
        }
        Check(Finite(Ecal.ContainmentMin) && Ecal.ContainmentMin is >= 0 and <= 1, "ecal.containmentMin", "must be a fraction in [0, 1]");
        Check(Finite(Ecal.Chi2Max) && Ecal.Chi2Max > 0, "ecal.chi2Max", "must be finite and > 0");
        Check(Finite(Ecal.ReferenceEnergyGeV) && Ecal.ReferenceEnergyGeV > 0, "ecal.referenceEnergyGeV", "must be finite and > 0");
        Check(Finite(Ecal.MinEnergyGeV) && Ecal.MinEnergyGeV > 0, "ecal.minEnergyGeV", "must be finite and > 0 (the shape needs a shower)");
        Check(Ecal.ShapeFractions is { Count: 9 } && Ecal.ShapeFractions.All(f => Finite(f) && f >= 0 && f <= 1), "ecal.shapeFractions", "need 9 fractions in [0, 1] (3×3 around the hottest cell, row by row)");
        Check(Ecal.ShapeSigmas is { Count: 9 } && Ecal.ShapeSigmas.All(s => Finite(s) && s > 0), "ecal.shapeSigmas", "need 9 widths > 0");
        Check(Finite(V2.MaxMeV), "v2.maxMeV", "must be finite");
        Check(Finite(Regions.EcalMaxGeV) && Regions.EcalMaxGeV > 0, "regions.ecalMaxGeV", "must be finite and > 0");
        Check(Finite(Regions.HcalMaxGeV) && Regions.HcalMaxGeV > 0, "regions.hcalMaxGeV", "must be finite and > 0");
        Check(Finite(Regions.SidebandCEcalMaxGeV) && Regions.SidebandCEcalMaxGeV > Regions.EcalMaxGeV, "regions.sidebandCEcalMaxGeV", "must be above regions.ecalMaxGeV");
        return errors;
    }
}

/// <summary>Trigger requirement: the physics-trigger bit (<see cref="TriggerBits.Physics"/>).</summary>
public sealed record TriggerCut
{
    /// <summary>Require the physics-trigger bit.</summary>
    public required bool RequirePhysics { get; init; }
}

/// <summary>Loose SRD preselection: an in-time SRD signal above a low threshold.</summary>
public sealed record LooseSrdCut
{
    /// <summary>Lowest SRD energy, MeV.</summary>
    public required double MinMeV { get; init; }

    /// <summary>Half-width of the SRD time window, ns.</summary>
    public required double TimeWindowNs { get; init; }
}

/// <summary>(i) Incoming track: reconstructed, small angle to the beam axis, momentum near the beam's.</summary>
public sealed record TrackCut
{
    /// <summary>Largest incoming angle, mrad.</summary>
    public required double ThetaMaxMrad { get; init; }

    /// <summary>Nominal beam momentum, GeV.</summary>
    public required double MomentumGeV { get; init; }

    /// <summary>Accepted |p − nominal|, GeV.</summary>
    public required double MomentumHalfWidthGeV { get; init; }
}

/// <summary>(ii) SRD energy within the synchrotron-radiation range of a 100 GeV e⁻ and in time.</summary>
public sealed record SrdCut
{
    /// <summary>Lower edge of the SR range, MeV.</summary>
    public required double MinMeV { get; init; }

    /// <summary>Upper edge of the SR range, MeV.</summary>
    public required double MaxMeV { get; init; }

    /// <summary>Half-width of the time window, ns.</summary>
    public required double TimeWindowNs { get; init; }
}

/// <summary>(iii) ECAL shower consistent with an electromagnetic shower of the beam electron.</summary>
public sealed record EcalShapeCut
{
    /// <summary>Cell column of the beam axis (ix of the cell the beam points at).</summary>
    public required int BeamCellX { get; init; }

    /// <summary>Cell row of the beam axis.</summary>
    public required int BeamCellY { get; init; }

    /// <summary>Smallest preshower energy, GeV (longitudinal shape: an electron showers early); with
    /// <see cref="PreshowerMinTable"/> the threshold at E_ECAL = <see cref="ReferenceEnergyGeV"/>.</summary>
    public required double PreshowerMinGeV { get; init; }

    /// <summary>Smallest preshower energy as a function of E_ECAL (docs/physics/analysis-selection.md#preshower-threshold):
    /// the preshower of a shower of a few GeV holds a larger fraction but less energy than that of a 100 GeV one, so a
    /// threshold "consistent with the signal shower" scales with the shower's expected preshower energy. Absent: the
    /// fixed <see cref="PreshowerMinGeV"/> at every energy.</summary>
    public PreshowerThresholdTable? PreshowerMinTable { get; init; }

    /// <summary>Smallest fraction of E_ECAL in the 3×3 cells around the hottest cell (lateral containment).</summary>
    public required double ContainmentMin { get; init; }

    /// <summary>Smallest E_ECAL for which a shape is defined, GeV (below it the event fails the shape cut).</summary>
    public required double MinEnergyGeV { get; init; }

    /// <summary>Expected mean fraction of E_ECAL per cell of the 3×3 around the hottest cell, row by row
    /// (dy = −1, 0, +1; within a row dx = −1, 0, +1).</summary>
    public required IReadOnlyList<double> ShapeFractions { get; init; }

    /// <summary>Spread of each fraction at <see cref="ReferenceEnergyGeV"/>; scaled by √(E_ref/E_ECAL) (stochastic).</summary>
    public required IReadOnlyList<double> ShapeSigmas { get; init; }

    /// <summary>Energy at which <see cref="ShapeSigmas"/> were measured, GeV.</summary>
    public required double ReferenceEnergyGeV { get; init; }

    /// <summary>Largest χ²/9 of the 3×3 fractions against the expected shape.</summary>
    public required double Chi2Max { get; init; }
}

/// <summary>Preshower threshold at E_ECAL nodes (GeV), interpolated linearly in ln E_ECAL and held constant beyond the
/// first and last node.</summary>
public sealed record PreshowerThresholdTable
{
    /// <summary>E_ECAL nodes, GeV, strictly increasing.</summary>
    public required IReadOnlyList<double> EnergiesGeV { get; init; }

    /// <summary>Smallest preshower energy at each node, GeV.</summary>
    public required IReadOnlyList<double> MinGeV { get; init; }

    /// <summary>The threshold at <paramref name="ecalGeV"/>.</summary>
    public double At(double ecalGeV)
    {
        IReadOnlyList<double> e = EnergiesGeV, m = MinGeV;
        if (!(ecalGeV > e[0])) return m[0];
        if (ecalGeV >= e[^1]) return m[^1];
        int i = 1;
        while (e[i] < ecalGeV) i++;
        double t = Math.Log(ecalGeV / e[i - 1]) / Math.Log(e[i] / e[i - 1]);
        return m[i - 1] + t * (m[i] - m[i - 1]);
    }
}

/// <summary>(iv) No activity in the veto V2.</summary>
public sealed record VetoCut
{
    /// <summary>Largest V2 energy, MeV.</summary>
    public required double MaxMeV { get; init; }
}

/// <summary>The signal box (E_ECAL &lt; <see cref="EcalMaxGeV"/>, E_HCAL &lt; <see cref="HcalMaxGeV"/>) and the sidebands
/// A (E_ECAL &lt; EcalMax, E_HCAL ≥ HcalMax) and C (EcalMax ≤ E_ECAL &lt; <see cref="SidebandCEcalMaxGeV"/>, E_HCAL &lt; HcalMax).</summary>
public sealed record SignalRegions
{
    /// <summary>Upper E_ECAL edge of the box, GeV.</summary>
    public required double EcalMaxGeV { get; init; }

    /// <summary>Upper E_HCAL edge of the box (first two modules), GeV.</summary>
    public required double HcalMaxGeV { get; init; }

    /// <summary>Upper E_ECAL edge of sideband C (the trigger's upper threshold), GeV.</summary>
    public required double SidebandCEcalMaxGeV { get; init; }
}

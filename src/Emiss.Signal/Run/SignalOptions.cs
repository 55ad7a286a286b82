using Emiss.Core.Units;
using Emiss.Shower.Fast;

namespace Emiss.Signal.Run;

/// <summary>Options of one signal Monte Carlo run at one mass (model and mass live in the <see cref="Tables.SignalTables"/>).</summary>
public sealed record SignalOptions
{
    /// <summary>Transport mode.</summary>
    public SignalMode Mode { get; init; } = SignalMode.Yield;

    /// <summary>
    /// Run coupling ε. Small enough that the true emission probability per event is ≪ 1 (docs/physics/aprime-emission.md#biasing-and-weights:
    /// p ~ 10⁻¹⁰ per step), so the weighted first-emission count equals the mean number of emissions; yields are
    /// reported at ε = 1 by dividing by ε².
    /// </summary>
    public double Epsilon { get; init; } = 1e-4;

    /// <summary>Bias factor B on the A′-strahlung cross section (and on annihilation unless
    /// <see cref="AnnihilationBiasFactor"/> is set); null = choose both from a pilot run
    /// (<see cref="TargetEmissionProbability"/>, <see cref="TargetAnnihilationProbability"/>).</summary>
    public double? BiasFactor { get; init; }

    /// <summary>Bias factor on resonant annihilation; null = <see cref="BiasFactor"/> if that is set, else automatic.</summary>
    public double? AnnihilationBiasFactor { get; init; }

    /// <summary>Target biased A′-strahlung probability per event for the automatic bias factor.</summary>
    public double TargetEmissionProbability { get; init; } = 0.5;

    /// <summary>
    /// Target biased annihilation probability per event for the automatic bias factor. Much smaller than for
    /// A′-strahlung: the resonant rate is concentrated in the few per cent of events with a positron crossing
    /// E_R, and the weight exp(Λ_biased − Λ_true) has infinite variance once Λ_biased of an event exceeds ~1, so
    /// the per-event biased Λ must stay ≲ 1 in those events, not just on average.
    /// </summary>
    public double TargetAnnihilationProbability { get; init; } = 0.01;

    /// <summary>Events of the yield-mode pilot run that sets the automatic bias factors.</summary>
    public int PilotEvents { get; init; } = 2048;

    /// <summary>Resonant positron annihilation e⁺e⁻ → A′ on atomic electrons (docs/physics/resonant-annihilation.md#cross-section).</summary>
    public bool ResonantAnnihilation { get; init; }

    /// <summary>Dark coupling α_D (sets the A′ width in the resonance; docs/physics/resonant-annihilation.md#validity benchmark 0.5).</summary>
    public double AlphaDark { get; init; } = 0.5;

    /// <summary>m_χ / m_A′ (NA64 benchmark 1/3).</summary>
    public double ChiMassRatio { get; init; } = 1.0 / 3.0;

    /// <summary>Sample the A′ emission angle and deflect the recoil (default: collinear, docs/physics/aprime-emission.md#recoil-convention).</summary>
    public bool SampleAngles { get; init; }

    /// <summary>Keep one <see cref="SignalEvent"/> per event with an emission (export, efficiencies).</summary>
    public bool KeepEvents { get; init; }

    /// <summary>Bins of the E_miss and track-length histograms (0 … E0 and E_cut … E0).</summary>
    public int HistogramBins { get; init; } = 50;

    /// <summary>Primary energy (total); null = the tables' beam energy.</summary>
    public Energy? Beam { get; init; }

    /// <summary>
    /// Detector mode: the shower library that replaces e± and γ below its E_switch inside the periodic stack at the front
    /// (the ECAL), shared by all workers (<see cref="ShowerLibraryCache"/>); null = analog transport. A′ emission below
    /// E_switch cannot reach the signal window (E_A′ ≥ E_cut ≫ E_switch), so the library is built with the standard
    /// processes only; a run whose E_cut is below E_switch is refused.
    /// </summary>
    public FastShowerOptions? DetectorFastShower { get; init; } = FastShowerOptions.Default with { RegionContainingSlab = 0 };

    /// <summary>Detector mode: obtain the shower library through the disk cache (<see cref="ShowerLibraryCache.Disk"/>;
    /// false: build it in memory, <c>--no-library-cache</c>). The library is the same either way.</summary>
    public bool LibraryDiskCache { get; init; } = true;

    /// <summary>Validates the options; throws <see cref="ArgumentException"/> listing every problem.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (!(Epsilon > 0 && Epsilon <= 1e-2)) errors.Add($"epsilon must lie in (0, 1e-2] (got {Epsilon})");
        if (BiasFactor is double b && !(b >= 1 && double.IsFinite(b))) errors.Add($"bias factor must be finite and ≥ 1 (got {b})");
        if (AnnihilationBiasFactor is double ba && !(ba >= 1 && double.IsFinite(ba))) errors.Add($"annihilation bias factor must be finite and ≥ 1 (got {ba})");
        if (!(TargetEmissionProbability > 0 && TargetEmissionProbability <= 1)) errors.Add($"target emission probability must lie in (0, 1] (got {TargetEmissionProbability})");
        if (!(TargetAnnihilationProbability > 0 && TargetAnnihilationProbability <= 1)) errors.Add($"target annihilation probability must lie in (0, 1] (got {TargetAnnihilationProbability})");
        if (PilotEvents < 16) errors.Add($"pilot events must be ≥ 16 (got {PilotEvents})");
        if (!(AlphaDark > 0)) errors.Add($"alphaDark must be > 0 (got {AlphaDark})");
        if (!(ChiMassRatio >= 0 && ChiMassRatio < 0.5)) errors.Add($"chi mass ratio must lie in [0, 0.5) (got {ChiMassRatio})");
        if (HistogramBins < 1) errors.Add($"histogram bins must be ≥ 1 (got {HistogramBins})");
        if (errors.Count > 0) throw new ArgumentException("invalid signal options: " + string.Join("; ", errors));
    }
}

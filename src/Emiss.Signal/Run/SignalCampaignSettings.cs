using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Emiss.Shower.Geometry;

namespace Emiss.Signal.Run;

/// <summary>Inputs of a <see cref="SignalCampaign"/>: the model, the mass grid, the geometries and the three passes' sizes.</summary>
public sealed record SignalCampaignSettings
{
    /// <summary>A′ production model.</summary>
    public required IDarkProductionModel Production { get; init; }

    /// <summary>A′ masses, MeV, each in (0, E_cut).</summary>
    public required IReadOnlyList<double> MassesMeV { get; init; }

    /// <summary>Beam energy E0 (total).</summary>
    public required Energy Beam { get; init; }

    /// <summary>E_cut / E0: A′ with E_A′ &gt; f·E0 count as signal (NA64: 0.5).</summary>
    public double MissingEnergyFraction { get; init; } = 0.5;

    /// <summary>Electrons per mass in each yield-mode pass (analog and biased), ≥ 1.</summary>
    public required long Events { get; init; }

    /// <summary>Electrons per mass in the detector-mode pass; 0 = no detector pass.</summary>
    public long DetectorEvents { get; init; }

    /// <summary>Run options shared by the passes (each pass overrides the bias factor, mode and event keeping).</summary>
    public required SignalOptions Options { get; init; }

    /// <summary>Master seed.</summary>
    public required ulong Seed { get; init; }

    /// <summary>Worker threads, ≥ 1 (results do not depend on it).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Geometry of the yield-mode passes (the NA64 ECAL, built-in "na64-ecal").</summary>
    public required SlabStack YieldGeometry { get; init; }

    /// <summary>Geometry of the detector-mode pass (<see cref="Na64SignalGeometry"/>).</summary>
    public required SlabStack DetectorGeometry { get; init; }

    /// <summary>
    /// Absorber of the analytic comparison yield (primary-electron Tsai T₁ track length, docs/physics/signal-yield-analytic.md#primary-electron-track-length): Pb, which
    /// supplies 98.7 % of the X0 of the NA64 Pb/Sc stack.
    /// </summary>
    public Material AnalyticTarget { get; init; } = MaterialCatalog.Lead;

    /// <summary>Throws <see cref="ArgumentException"/> if the settings cannot run (the command line validates user input first).</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Production);
        ArgumentNullException.ThrowIfNull(MassesMeV);
        ArgumentNullException.ThrowIfNull(Options);
        ArgumentNullException.ThrowIfNull(YieldGeometry);
        ArgumentNullException.ThrowIfNull(DetectorGeometry);
        ArgumentNullException.ThrowIfNull(AnalyticTarget);
        Options.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(Events, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(DetectorEvents);
        ArgumentOutOfRangeException.ThrowIfLessThan(Threads, 1);
        if (!(MissingEnergyFraction is > 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(MissingEnergyFraction), MissingEnergyFraction, "must lie in (0, 1)");
        double cutMeV = MissingEnergyFraction * Beam.InGeV * 1e3;
        if (MassesMeV.Any(m => !(m > 0) || m >= cutMeV))
            throw new ArgumentException($"masses must lie in (0, E_cut = {cutMeV:G6} MeV)", nameof(MassesMeV));
    }
}

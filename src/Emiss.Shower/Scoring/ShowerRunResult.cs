using System.Collections.Immutable;
using Emiss.Shower.Geometry;

namespace Emiss.Shower.Scoring;

/// <summary>Means and derived observables of a shower run (all energies GeV, depths X0, lengths as stated).</summary>
public sealed class ShowerRunResult
{
    /// <summary>Wraps the merged sums of a run.</summary>
    public ShowerRunResult(SlabStack geometry, ShowerSpecies primary, double primaryKineticGeV, RunAccumulator sums,
        ImmutableArray<string> processNames, ImmutableArray<long> processTicks, long scatteringTicks, ImmutableArray<long> stepCauseCounts = default)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(sums);
        if (sums.Events == 0) throw new ArgumentException("a run result needs at least one event", nameof(sums));
        Geometry = geometry;
        Primary = primary;
        PrimaryKineticGeV = primaryKineticGeV;
        Sums = sums;
        ProcessNames = processNames;
        ProcessTicks = processTicks;
        ScatteringTicks = scatteringTicks;
        StepCauseCounts = stepCauseCounts.IsDefault ? [] : stepCauseCounts;
    }

    /// <summary>Geometry.</summary>
    public SlabStack Geometry { get; }

    /// <summary>Primary species.</summary>
    public ShowerSpecies Primary { get; }

    /// <summary>Primary kinetic energy, GeV.</summary>
    public double PrimaryKineticGeV { get; }

    /// <summary>Raw sums.</summary>
    public RunAccumulator Sums { get; }

    /// <summary>Process names by index.</summary>
    public ImmutableArray<string> ProcessNames { get; }

    /// <summary>Stopwatch ticks per process interactor (profiling runs only; else zeros).</summary>
    public ImmutableArray<long> ProcessTicks { get; }

    /// <summary>Stopwatch ticks in multiple scattering (profiling runs only).</summary>
    public long ScatteringTicks { get; }

    /// <summary>Charged steps by what set their length and by kinetic energy, summed over events (profiling runs only, else
    /// empty; layout <see cref="Transport.StepCauseCounts"/>).</summary>
    public ImmutableArray<long> StepCauseCounts { get; }

    /// <summary>Number of events.</summary>
    public long Events => Sums.Events;

    private double N => Sums.Events;

    /// <summary>Mean visible energy in active slabs (the read-out signal: deposits after Birks saturation where the geometry
    /// has it, docs/physics/birks-saturation.md), GeV.</summary>
    public double MeanActiveGeV => Sums.ActiveSum / N;

    /// <summary>Mean energy deposited in active slabs, GeV (equal to <see cref="MeanActiveGeV"/> without Birks saturation).</summary>
    public double MeanActiveDepositedGeV
    {
        get
        {
            double s = 0;
            for (int i = 0; i < Geometry.SlabCount; i++) if (Geometry.SlabActive[i]) s += Sums.SlabSum[i];
            return s / N;
        }
    }

    /// <summary>Event-to-event rms of the active energy, GeV.</summary>
    public double RmsActiveGeV => Math.Sqrt(Math.Max(0, Sums.ActiveSumSq / N - MeanActiveGeV * MeanActiveGeV));

    /// <summary>Mean deposited energy (active + passive), GeV.</summary>
    public double MeanTotalGeV => Sums.TotalSum / N;

    /// <summary>Event-to-event rms of the deposited energy, GeV.</summary>
    public double RmsTotalGeV => Math.Sqrt(Math.Max(0, Sums.TotalSumSq / N - MeanTotalGeV * MeanTotalGeV));

    /// <summary>Active (visible) / total deposited energy.</summary>
    public double SamplingFraction => MeanActiveGeV / MeanTotalGeV;

    /// <summary>Energy deposited in active slabs / total deposited energy (the sampling fraction before Birks saturation).</summary>
    public double DepositedSamplingFraction => MeanActiveDepositedGeV / MeanTotalGeV;

    /// <summary>Relative resolution rms/mean of the active energy.</summary>
    public double ResolutionRel => RmsActiveGeV / MeanActiveGeV;

    /// <summary>Mean leaked energy / mean energy budget.</summary>
    public double LeakageFraction => Sums.LeakSum / Sums.BudgetSum;

    /// <summary>Mean charged track length, X0 (each step in units of its own material's X0).</summary>
    public double ChargedTrackLengthX0 => Sums.ChargedTrackLengthSum / N;

    /// <summary>Mean photon track length, X0.</summary>
    public double NeutralTrackLengthX0 => Sums.NeutralTrackLengthSum / N;

    /// <summary>Mean charged steps per event.</summary>
    public double ChargedStepsPerEvent => Sums.ChargedSteps / N;

    /// <summary>Mean photon steps per event.</summary>
    public double NeutralStepsPerEvent => Sums.NeutralSteps / N;

    /// <summary>Mean charged track length in a material, cm.</summary>
    public double ChargedTrackLengthCm(string material)
    {
        int i = Geometry.Materials.Select(m => m.Name).ToList().FindIndex(n => string.Equals(n, material, StringComparison.OrdinalIgnoreCase));
        return i < 0 ? 0.0 : Sums.TrackLengthByMaterialSum[i] / N;
    }

    /// <summary>Mean energy per slab, GeV.</summary>
    public double[] MeanSlabGeV => [.. Sums.SlabSum.Select(s => s / N)];

    /// <summary>Standard error of the mean energy per slab, GeV.</summary>
    public double[] SlabErrorGeV => [.. Sums.SlabSum.Select((s, i) => Math.Sqrt(Math.Max(0, Sums.SlabSumSq[i] / N - (s / N) * (s / N)) / N))];

    /// <summary>Depth of each slab centre, X0.</summary>
    public double[] SlabCentreX0 => [.. Enumerable.Range(0, Geometry.SlabCount).Select(i => 0.5 * (Geometry.DepthEdgesX0[i] + Geometry.DepthEdgesX0[i + 1]))];

    /// <summary>Mean energy per radial ring, GeV.</summary>
    public double[] MeanRadialGeV => [.. Sums.RadialSum.Select(s => s / N)];

    /// <summary>Standard error per radial ring, GeV.</summary>
    public double[] RadialErrorGeV => [.. Sums.RadialSum.Select((s, i) => Math.Sqrt(Math.Max(0, Sums.RadialSumSq[i] / N - (s / N) * (s / N)) / N))];

    /// <summary>Mean energy per (section, cell), GeV; index section·Ncells + cell.</summary>
    public double[] MeanCellGeV => [.. Sums.CellSum.Select(s => s / N)];

    /// <summary>Mean interactions per event by process index.</summary>
    public double[] InteractionsPerEvent => [.. Sums.InteractionsSum.Select(s => s / N)];

    /// <summary>Mean track length per log bin for a species row (0 e⁻, 1 e⁺, 2 γ, 3 primary), X0.</summary>
    public double[] TrackLengthLogX0(int row) => [.. Enumerable.Range(0, TrackLengthBins.LogBins).Select(i => Sums.TrackLengthLogSum[row * TrackLengthBins.LogBins + i] / N)];

    /// <summary>Mean track length per linear bin (width E0/40) for a species row, X0.</summary>
    public double[] TrackLengthLinearX0(int row) => [.. Enumerable.Range(0, TrackLengthBins.LinearBins).Select(i => Sums.TrackLengthLinearSum[row * TrackLengthBins.LinearBins + i] / N)];

    /// <summary>Mean energy deposited in slabs whose centre lies before depth t (X0), as a fraction of the budget.</summary>
    public double FractionBeforeDepth(double depthX0)
    {
        double s = 0;
        double[] c = SlabCentreX0;
        for (int i = 0; i < c.Length; i++) if (c[i] < depthX0) s += Sums.SlabSum[i];
        return s / Sums.BudgetSum;
    }

    /// <summary>Mean energy in a readout section (active slabs), GeV.</summary>
    public double MeanSectionActiveGeV(string section)
    {
        int si = Geometry.SectionNames.IndexOf(section);
        if (si < 0) throw new ArgumentException($"no section '{section}' in geometry '{Geometry.Name}'", nameof(section));
        double s = 0;
        for (int i = 0; i < Geometry.SlabCount; i++) if (Geometry.SlabSection[i] == si && Geometry.SlabActive[i]) s += Sums.SlabVisibleSum[i];
        return s / N;
    }

    /// <summary>
    /// Shower maximum from the longitudinal profile (all deposits) by the moments of a gamma distribution
    /// (PDG eq. 34.36: dE/dt ∝ t^{a−1}e^{−bt}; mean a/b, variance a/b², t_max = (a − 1)/b = mean − variance/mean), X0.
    /// </summary>
    public double TmaxX0
    {
        get
        {
            (double a, double b) = GammaShape;
            return (a - 1.0) / b;
        }
    }

    /// <summary>Gamma-distribution shape (a, b) from the profile moments.</summary>
    public (double A, double B) GammaShape
    {
        get
        {
            double[] c = SlabCentreX0;
            double s0 = 0, s1 = 0, s2 = 0;
            for (int i = 0; i < c.Length; i++) { double e = Sums.SlabSum[i]; s0 += e; s1 += e * c[i]; s2 += e * c[i] * c[i]; }
            double mean = s1 / s0, var = s2 / s0 - mean * mean;
            double b = mean / var;
            return (mean * b, b);
        }
    }
}

using Emiss.Reporting.Plots;

namespace Emiss.Reporting.Report;

/// <summary>
/// Everything the result outputs (pyhf workspace, HEPData submission, HTML report) are made from: the counting model
/// of the seed's analysis (runs, signal, backgrounds, observed counts, systematics), the limit, the cut flow, the
/// efficiencies, the energy plane of Fig. 2, the overlays of the exclusion plot and the unblinding entry.
/// Plain data: the analysis fills it, the writers only format it.
/// </summary>
/// <param name="Title">Title of the analysis (report heading, HEPData comment).</param>
/// <param name="Runs">The runs, in the order they are reported.</param>
/// <param name="Signal">Signal per run and mass (every run at every mass of <paramref name="Limit"/>).</param>
/// <param name="Backgrounds">Expected background per run and source.</param>
/// <param name="Observed">Observed count per run.</param>
/// <param name="Systematics">Systematics common to the runs.</param>
/// <param name="Limit">The limit curve, ascending in mass.</param>
/// <param name="CutFlow">Cut-flow rows.</param>
/// <param name="Efficiencies">Efficiency factors per run and mass.</param>
/// <param name="Plane">Fig. 2 data, or null when not available.</param>
/// <param name="FavouredBand">The (g−2)_μ band for the exclusion plot, or null.</param>
/// <param name="Comparisons">Other experiments' limits for the exclusion plot (each label says its source).</param>
/// <param name="Unblinding">The ledger entry that opened the box, or null while blind.</param>
public sealed record AnalysisResult(
    string Title,
    IReadOnlyList<RunSummary> Runs,
    IReadOnlyList<SignalYield> Signal,
    IReadOnlyList<BackgroundEstimate> Backgrounds,
    IReadOnlyList<ObservedCount> Observed,
    Systematics Systematics,
    IReadOnlyList<LimitRow> Limit,
    IReadOnlyList<CutFlowRow> CutFlow,
    IReadOnlyList<EfficiencyRow> Efficiencies,
    EnergyPlane? Plane,
    CouplingBand? FavouredBand,
    IReadOnlyList<ComparisonCurve> Comparisons,
    UnblindingEntry? Unblinding)
{
    /// <summary>Mediator of <see cref="Limit"/> (the report's main exclusion plot), "vector" unless said otherwise.</summary>
    public string Mediator { get; init; } = "vector";

    /// <summary>The seed's g−2 statement checked on <see cref="Limit"/>, or null when not evaluated.</summary>
    public GMinus2Statement? GMinus2 { get; init; }

    /// <summary>Where the inputs and the yield of <see cref="Limit"/> come from (the exclusion plot's caption), or null.</summary>
    public string? LimitCaption { get; init; }

    /// <summary>Limits for further mediators (e.g. the scalar), each shown in its own section.</summary>
    public IReadOnlyList<MediatorLimit> OtherMediators { get; init; } = [];

    /// <summary>The vector limit in the dark-matter plane (y versus m_χ), or null when not derived.</summary>
    public DarkMatterLimit? DarkMatter { get; init; }

    /// <summary>EOT counted from the reference triggers per run beside the simulation's true EOT (empty: not counted).</summary>
    public IReadOnlyList<ExposureCount> Exposure { get; init; } = [];

    /// <summary>Components of <see cref="Systematics"/>' signal-yield uncertainty (empty: the value was given, not derived).</summary>
    public IReadOnlyList<SystematicComponent> YieldSystematicComponents { get; init; } = [];

    /// <summary>A note per row of the seed's Table I (which sources sum to it, which have no simulated box event and only
    /// a 90 % CL bound, which are zero by kinematics), shown beside the row; empty: no notes.</summary>
    public IReadOnlyDictionary<SeedTableRow, string> TableINotes { get; init; } = new Dictionary<SeedTableRow, string>();

    /// <summary>The masses of the signal model, ascending.</summary>
    public IReadOnlyList<double> Masses => Signal.Select(s => s.MassMeV).Distinct().Order().ToArray();

    /// <summary>The signal of <paramref name="run"/> at <paramref name="massMeV"/> (exact mass match).</summary>
    public SignalYield SignalOf(string run, double massMeV) =>
        Signal.FirstOrDefault(s => s.Run == run && s.MassMeV.Equals(massMeV))
        ?? throw new ArgumentException($"no signal for run '{run}' at {massMeV} MeV");

    /// <summary>Total expected background of <paramref name="run"/> (sum over sources).</summary>
    public double BackgroundOf(string run) => Backgrounds.Where(b => b.Run == run).Sum(b => b.Expected);

    /// <summary>Observed count of <paramref name="run"/>.</summary>
    public long ObservedOf(string run) =>
        Observed.FirstOrDefault(o => o.Run == run)?.Events ?? throw new ArgumentException($"no observed count for run '{run}'");

    /// <summary>Checks the references between the parts; throws <see cref="ArgumentException"/> naming the first inconsistency.</summary>
    public void Validate()
    {
        if (Runs.Count == 0) throw new ArgumentException("an analysis result needs at least one run");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (RunSummary r in Runs)
        {
            if (!IsName(r.Name)) throw new ArgumentException($"run name '{r.Name}' must be letters, digits, '-' or '_'");
            if (!names.Add(r.Name)) throw new ArgumentException($"run '{r.Name}' is listed twice");
            if (!(r.ElectronsOnTarget > 0) || !double.IsFinite(r.ElectronsOnTarget)) throw new ArgumentException($"run '{r.Name}': EOT must be finite and > 0");
        }
        void Known(string run, string what)
        {
            if (!names.Contains(run)) throw new ArgumentException($"{what} refers to unknown run '{run}'");
        }
        foreach (SignalYield s in Signal)
        {
            Known(s.Run, "a signal yield");
            if (!(s.MassMeV > 0) || !(s.ProducedPerEpsilonSquared >= 0) || !(s.Efficiency >= 0 && s.Efficiency <= 1))
                throw new ArgumentException($"signal of run '{s.Run}' at {s.MassMeV} MeV: need mass > 0, yield ≥ 0, efficiency in [0, 1]");
        }
        foreach (double m in Masses)
            foreach (RunSummary r in Runs)
                if (Signal.Count(s => s.Run == r.Name && s.MassMeV.Equals(m)) != 1)
                    throw new ArgumentException($"run '{r.Name}' needs exactly one signal yield at {m} MeV");
        foreach (BackgroundEstimate b in Backgrounds)
        {
            Known(b.Run, $"background '{b.Source}'");
            if (!(b.Expected >= 0) || !(b.StatError >= 0) || !(b.SystError >= 0))
                throw new ArgumentException($"background '{b.Source}' of run '{b.Run}': expected and uncertainties must be ≥ 0");
        }
        foreach (ObservedCount o in Observed)
        {
            Known(o.Run, "an observed count");
            if (o.Events < 0) throw new ArgumentException($"run '{o.Run}': observed count must be ≥ 0");
        }
        foreach (RunSummary r in Runs) _ = ObservedOf(r.Name);
        if (!(Systematics.SignalYieldRelative is >= 0 and < 1) || !(Systematics.EotRelative is >= 0 and < 1))
            throw new ArgumentException("relative systematics must be in [0, 1)");
        for (int i = 1; i < Limit.Count; i++)
            if (!(Limit[i].MassMeV > Limit[i - 1].MassMeV)) throw new ArgumentException("limit rows must be ascending in mass");
        if (!IsName(Mediator)) throw new ArgumentException($"mediator '{Mediator}' must be letters, digits, '-' or '_'");
        var mediators = new HashSet<string>(StringComparer.Ordinal) { Mediator };
        foreach (MediatorLimit other in OtherMediators)
        {
            if (!IsName(other.Mediator)) throw new ArgumentException($"mediator '{other.Mediator}' must be letters, digits, '-' or '_'");
            if (!mediators.Add(other.Mediator)) throw new ArgumentException($"mediator '{other.Mediator}' has two limits");
            for (int i = 1; i < other.Limit.Count; i++)
                if (!(other.Limit[i].MassMeV > other.Limit[i - 1].MassMeV)) throw new ArgumentException($"{other.Mediator} limit rows must be ascending in mass");
        }
        if (DarkMatter is { } dm)
        {
            if (!(dm.AlphaDark > 0) || !(dm.ChiMassRatio is > 0 and < 0.5)) throw new ArgumentException("dark-matter plane: need α_D > 0 and m_χ/m_A′ in (0, 0.5)");
            for (int i = 1; i < dm.Rows.Count; i++)
                if (!(dm.Rows[i].MassMeV > dm.Rows[i - 1].MassMeV)) throw new ArgumentException("dark-matter rows must be ascending in m_χ");
        }
        foreach (CutFlowRow c in CutFlow) Known(c.Run, $"cut-flow row '{c.Cut}'");
        foreach (EfficiencyRow e in Efficiencies) Known(e.Run, $"efficiency row at {e.MassMeV} MeV");
    }

    private static bool IsName(string s) => s.Length > 0 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

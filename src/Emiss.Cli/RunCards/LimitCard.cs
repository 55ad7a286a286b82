using System.Globalization;
using Emiss.Core.Numerics;

namespace Emiss.Cli.RunCards;

/// <summary>
/// The run card of <c>emiss limit</c>: beam, target, signal model, runs, signal efficiency,
/// counting statistics and the g−2 band. Key names carry their units; unknown keys are errors.
/// The runs' EOT, the efficiency, the observed count and the background are inputs, not results of Emiss;
/// <see cref="InputSource"/> says where they come from (for the NA64-2016 card: the published values of
/// PRL 118, 011802 (2017)), and every output repeats it.
/// </summary>
public sealed record LimitCard(
    string Schema,
    string Name,
    ulong Seed,
    LimitCard.BeamSection Beam,
    LimitCard.TargetSection Target,
    LimitCard.SignalSection Signal,
    IReadOnlyList<LimitCard.RunSection> Runs,
    LimitCard.EfficiencySection Efficiency,
    LimitCard.StatisticsSection Statistics,
    LimitCard.GMinus2Section GMinus2,
    string InputSource = LimitCard.DefaultInputSource)
{
    /// <summary>What <see cref="InputSource"/> says when a card does not name the source of its counting inputs.</summary>
    public const string DefaultInputSource = "this run card (not stated)";

    /// <summary>The schema identifier this version reads.</summary>
    public const string SchemaId = "emiss-limit-card/1";

    /// <summary>Largest accepted n_EOT of one run (10¹⁵, four orders above NA64's yearly ~10¹¹).</summary>
    public const double MaxElectronsOnTarget = 1e15;

    /// <summary>Production approximations accepted in <c>signal.production</c>.</summary>
    public static readonly string[] Productions = ["ww", "iww", "etl"];

    /// <summary>Yield models accepted in <c>signal.yieldModel</c>.</summary>
    public static readonly string[] YieldModels = ["analytic", "monte-carlo"];

    /// <summary>Mediators accepted in <c>signal.mediator</c>.</summary>
    public static readonly string[] Mediators = ["vector", "scalar", "pseudoscalar", "axial"];

    /// <summary>The beam.</summary>
    /// <param name="Particle">Beam particle; "e-" (electron) is what NA64-2016 used.</param>
    /// <param name="EnergyGeV">Beam energy E0, GeV.</param>
    public sealed record BeamSection(string Particle, double EnergyGeV);

    /// <summary>The active target.</summary>
    /// <param name="Material">Absorber whose nuclei radiate the A′ (Pb for the Pb/Sc ECAL: 98.7% of its X0).</param>
    public sealed record TargetSection(string Material);

    /// <summary>The signal hypothesis.</summary>
    /// <param name="Mediator">vector | scalar | pseudoscalar | axial.</param>
    /// <param name="Production">ww | iww | etl.</param>
    /// <param name="MissingEnergyMinFraction">Signal region E_A′ &gt; f·E0 (NA64: 0.5, i.e. E_ECAL &lt; 50 GeV).</param>
    /// <param name="MassGridMeV">Mass grid, e.g. "1:1000:log61" or "1,10,100".</param>
    /// <param name="YieldModel">analytic (primary-electron track length, fast) | monte-carlo (A′ emission inside simulated showers).</param>
    /// <param name="MonteCarloEvents">Showers of the monte-carlo yield (one pass scores every mass).</param>
    /// <param name="Geometry">Shower geometry of the monte-carlo yield (a built-in name or a JSON file).</param>
    public sealed record SignalSection(string Mediator, string Production, double MissingEnergyMinFraction, string MassGridMeV,
        string YieldModel = "analytic", long MonteCarloEvents = 20000, string Geometry = "na64-ecal");

    /// <summary>One data-taking run.</summary>
    /// <param name="Name">Run name.</param>
    /// <param name="ElectronsOnTarget">n_EOT of the run.</param>
    /// <param name="Setup">Detector set-up of the run (embedded name or card file) for the commands that simulate it
    /// (<c>pseudodata</c>, <c>reproduce</c>); <c>limit</c> does not use it.</param>
    public sealed record RunSection(string Name, double ElectronsOnTarget, string? Setup = null);

    /// <summary>Signal efficiency vs mass, interpolated linearly in ln m and held constant outside the nodes.</summary>
    /// <param name="MassMeV">Mass nodes, MeV, increasing.</param>
    /// <param name="Signal">Total signal efficiency at each node (0–1].</param>
    public sealed record EfficiencySection(IReadOnlyList<double> MassMeV, IReadOnlyList<double> Signal);

    /// <summary>Counting statistics.</summary>
    /// <param name="ObservedEvents">Events observed in the signal box.</param>
    /// <param name="ExpectedBackground">Expected background b.</param>
    /// <param name="ConfidenceLevel">CL of the upper limit (0.90 in the seed).</param>
    /// <param name="SignalYieldRelativeUncertainty">Relative signal-yield systematic for the Cousins–Highland variant (0.19 in the seed).</param>
    public sealed record StatisticsSection(int ObservedEvents, double ExpectedBackground, double ConfidenceLevel, double SignalYieldRelativeUncertainty);

    /// <summary>The muon g−2 favoured band.</summary>
    /// <param name="DeltaAmu">Δa_μ central value.</param>
    /// <param name="DeltaAmuSigma">Its 1σ uncertainty; the band is ±2σ.</param>
    /// <param name="Label">Legend label.</param>
    public sealed record GMinus2Section(double DeltaAmu, double DeltaAmuSigma, string Label);

    /// <summary>The parsed mass grid, MeV.</summary>
    public double[] MassesMeV() => ValueGrid.Parse(Signal.MassGridMeV, "signal.massGridMeV");

    /// <summary>All problems with the card, each naming the field and the fix; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var p = new List<string>();
        void Require(bool ok, string field, string message) { if (!ok) p.Add($"$.{field}: {message}"); }
        Require(Schema == SchemaId, "schema", $"must be '{SchemaId}' (got '{Schema}')");
        Require(Beam.Particle == "e-", "beam.particle", $"only 'e-' beams are supported by the limit command (got '{Beam.Particle}')");
        Require(Beam.EnergyGeV is >= 1 and <= 1000, "beam.energyGeV", $"must be in [1, 1000] GeV (got {Beam.EnergyGeV.ToString(CultureInfo.InvariantCulture)})");
        try { Core.Materials.MaterialCatalog.ByName(Target.Material); }
        catch (ArgumentException e) { p.Add($"$.target.material: {e.Message}"); }
        Require(Mediators.Contains(Signal.Mediator), "signal.mediator", $"must be one of {string.Join(", ", Mediators)} (got '{Signal.Mediator}')");
        Require(Productions.Contains(Signal.Production), "signal.production", $"must be one of {string.Join(", ", Productions)} (got '{Signal.Production}')");
        Require(YieldModels.Contains(Signal.YieldModel), "signal.yieldModel", $"must be one of {string.Join(", ", YieldModels)} (got '{Signal.YieldModel}')");
        Require(Signal.MonteCarloEvents is >= 100 and <= 100_000_000, "signal.monteCarloEvents", "must be in [100, 1e8], e.g. 20000");
        Require(Signal.MissingEnergyMinFraction is > 0 and < 1, "signal.missingEnergyMinFraction", "must be in (0, 1), e.g. 0.5");
        try
        {
            double[] m = MassesMeV();
            Require(m.All(x => x > 0 && x * 1e-3 < Beam.EnergyGeV * Signal.MissingEnergyMinFraction), "signal.massGridMeV",
                "masses must be positive and below the minimum A′ energy f·E0");
        }
        catch (FormatException e) { p.Add($"$.{e.Message}"); }
        try { Shower.Geometry.GeometryCatalog.Load(Signal.Geometry); }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            string m = e is ArgumentException { ParamName: { } n } ? e.Message.Replace($" (Parameter '{n}')", "", StringComparison.Ordinal) : e.Message;
            p.Add($"$.signal.geometry: {m}");
        }
        Require(Runs.Count > 0, "runs", "needs at least one run");
        for (int i = 0; i < Runs.Count; i++)
            Require(Runs[i].ElectronsOnTarget is > 0 and <= MaxElectronsOnTarget, $"runs[{i}].electronsOnTarget",
                "must be in (0, 1e15] (NA64 collects ~1e11 per year), e.g. 1.88e9");
        Require(Efficiency.MassMeV.Count > 0 && Efficiency.MassMeV.Count == Efficiency.Signal.Count, "efficiency",
            "massMeV and signal must be non-empty lists of equal length");
        Require(Efficiency.MassMeV.Zip(Efficiency.MassMeV.Skip(1)).All(t => t.First < t.Second) && Efficiency.MassMeV.All(m => m > 0),
            "efficiency.massMeV", "must be positive and strictly increasing");
        Require(Efficiency.Signal.All(e => e is > 0 and <= 1), "efficiency.signal", "each efficiency must be in (0, 1]");
        Require(Statistics.ObservedEvents is >= 0 and <= 1_000_000, "statistics.observedEvents", "must be in [0, 1e6]");
        Require(Statistics.ExpectedBackground is >= 0 and <= 1e6, "statistics.expectedBackground", "must be in [0, 1e6]");
        Require(Statistics.ConfidenceLevel is > 0.5 and < 1, "statistics.confidenceLevel", "must be in (0.5, 1), e.g. 0.90");
        // Up to 100 %: the Cousins–Highland average over a Gaussian truncated at 0 is defined for any width (NuisanceQuadrature),
        // and a quick-look reproduce (small --eot-scale) derives tens of per cent from its statistics; above 1 the yield is unknown.
        Require(Statistics.SignalYieldRelativeUncertainty is >= 0 and <= 1, "statistics.signalYieldRelativeUncertainty", "must be a fraction in [0, 1], e.g. 0.19 for 19 %");
        Require(!string.IsNullOrWhiteSpace(InputSource), "inputSource", "must say where the runs, efficiency and statistics come from, e.g. \"published values of NA64, PRL 118, 011802 (2017)\"");
        Require(GMinus2.DeltaAmu > 0 && GMinus2.DeltaAmuSigma >= 0 && GMinus2.DeltaAmu - 2 * GMinus2.DeltaAmuSigma > 0, "gMinus2",
            "deltaAmu must be positive and exceed 2·deltaAmuSigma (the band's lower edge)");
        return p;
    }
}

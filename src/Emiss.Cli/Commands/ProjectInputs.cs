using System.Globalization;
using Emiss.Analysis.Limits;
using Emiss.Analysis.Projections;
using Emiss.Cli.RunCards;
using Emiss.Core.Diagnostics;
using Emiss.Core.Materials;
using Emiss.Core.Numerics;
using Emiss.Physics.DarkProduction;
using Emiss.Shower.Geometry;

namespace Emiss.Cli.Commands;

/// <summary>The options of <c>emiss project</c> as given on the command line (strings and numbers, not yet checked).</summary>
internal sealed record ProjectOptions(
    string Config, string Eot, string Beams, string Energies, string Targets, string Models, string Background, double? BackgroundPerEot,
    string? From, double? Efficiency, string Yield, long? Events, bool ShowerAnnihilation, double AlphaDark, string? Cache);

/// <summary>
/// Checks every option of <c>emiss project</c> before any work and resolves them, with the run card's defaults
/// (production, signal region, mass grid, efficiency, confidence level, seed, background rate), into a
/// <see cref="ProjectionRequest"/>.
/// </summary>
internal static class ProjectInputs
{
    /// <summary>Largest projected exposure, as for a run card.</summary>
    public const double MaxEot = LimitCard.MaxElectronsOnTarget;

    /// <summary>
    /// Smallest projected exposure: 10⁶ electrons on target is a few seconds of SPS beam, far below any run that could
    /// set a limit (NA64-2016 had 2.75·10⁹). The bound also catches a locale-style number: <c>--eot 1,5e10</c> is the
    /// list 1 and 5·10¹⁰, and the exposure 1 is refused instead of silently projected.
    /// </summary>
    public const double MinEot = 1e6;

    public static (ProjectionRequest Request, LimitCard Card, YieldTableCache Cache) Resolve(ProjectOptions o)
    {
        LimitCard card = CardLoader.Load<LimitCard>(o.Config, c => c.Validate());
        double[] eot = UserInput.Resolve("--eot", () => ValueGrid.Parse(o.Eot, "--eot"));
        UserInput.Require(eot.Length > 0 && eot.All(e => e is >= MinEot and <= MaxEot), "--eot", "exposures must lie in [1e6, 1e15] electrons on target (a comma separates exposures, it is not a decimal point)", "e.g. --eot 1e10,1e11,1e12,1e13 or --eot 1.5e10");
        UserInput.Require(eot.Distinct().Count() == eot.Length, "--eot", "an exposure is listed twice", "list each exposure once");
        BeamParticle[] beams = Words(o.Beams).Select(w => BeamParticles.Parse(w)
            ?? throw new UserInputException("--beam", $"unknown beam particle '{w}'", "use e- or e+ (or e-,e+)")).Distinct().ToArray();
        double[] energies = UserInput.Resolve("--energy-GeV", () => ValueGrid.Parse(o.Energies, "--energy-GeV"));
        UserInput.Require(energies.Length > 0 && energies.All(e => e is >= 1 and <= 1000), "--energy-GeV", "beam energies must lie in [1, 1000] GeV", "e.g. --energy-GeV 100 or 60,100,150");
        Material[] targets = Words(o.Targets).Select(t => UserInput.Resolve("--target", () => MaterialCatalog.ByName(t))).Distinct().ToArray();
        Mediator[] mediators = (o.Models.Trim() == "all" ? LimitCard.Mediators : Words(o.Models)).Select(ModelNames.Mediator).Distinct().ToArray();
        UserInput.Require(o.AlphaDark is > 0 and <= 10, "--alpha-d", "α_D must lie in (0, 10]", "e.g. --alpha-d 0.5 (or 0.1)");
        if (o.Efficiency is { } eff) UserInput.Require(eff is > 0 and <= 1, "--efficiency", "the signal efficiency must lie in (0, 1]", "e.g. --efficiency 0.5");
        UserInput.Require(o.Yield is "analytic" or "monte-carlo", "--yield", $"unknown yield model '{o.Yield}'", "use analytic or monte-carlo");
        YieldMethod method = o.Yield == "analytic" ? YieldMethod.Analytic : YieldMethod.MonteCarlo;
        UserInput.Require(method == YieldMethod.Analytic || !beams.Contains(BeamParticle.Positron), "--yield",
            "the shower Monte Carlo starts showers from an electron, so e+ beams have no monte-carlo yield", "use --yield analytic with --beam e+");
        long events = o.Events ?? card.Signal.MonteCarloEvents;
        UserInput.Require(events is >= 100 and <= 100_000_000, "--events", "showers (shared by all masses and mediators of a beam energy) must lie in [100, 1e8]", "e.g. --events 20000");
        double[] masses = card.MassesMeV();
        double f = card.Signal.MissingEnergyMinFraction;
        UserInput.Require(masses.All(m => m * 1e-3 < f * energies.Min()), "--energy-GeV",
            $"the card's masses reach {masses.Max():G4} MeV, above the minimum A′ energy f·E0 = {f * energies.Min():G4} GeV of the lowest beam energy", "raise the beam energy or use a card with a smaller mass grid");
        BackgroundScaling background = Background(o, card);
        string? cacheDir = o.Cache is null ? DefaultCacheDirectory() : UserInput.CheckOutputDirectory("--cache", o.Cache);
        SlabStack geometry = UserInput.Resolve("signal.geometry", () => GeometryCatalog.Load(card.Signal.Geometry));

        var settings = (from b in beams from e in energies from t in targets from m in mediators select new ProjectionSetting(b, e, t, m)).ToArray();
        var spec = new YieldSpec(ModelNames.Approximation(card.Signal.Production), f, masses, method, geometry, events, card.Seed, o.ShowerAnnihilation, o.AlphaDark);
        EfficiencyNodes efficiency = o.Efficiency is { } flat ? new EfficiencyNodes([1.0], [flat]) : new EfficiencyNodes(card.Efficiency.MassMeV, card.Efficiency.Signal);
        return (new ProjectionRequest(eot, settings, spec, efficiency, background, card.Statistics.ConfidenceLevel), card, new YieldTableCache(cacheDir));
    }

    /// <summary>$XDG_CACHE_HOME/emiss/yields, else ~/.cache/emiss/yields.</summary>
    public static string DefaultCacheDirectory()
    {
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string root = !string.IsNullOrEmpty(xdg) ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "emiss", "yields");
    }

    private static BackgroundScaling Background(ProjectOptions o, LimitCard card)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (o.Background)
        {
            case "zero":
                UserInput.Require(o.BackgroundPerEot is null, "--background-per-eot", "a rate was given with --background zero", "drop one of the two");
                return BackgroundScaling.Zero;
            case "constant":
                if (o.BackgroundPerEot is { } r)
                {
                    UserInput.Require(r is >= 0 and <= 1e-3, "--background-per-eot", "the rate must lie in [0, 1e-3] events per EOT", "e.g. --background-per-eot 5e-11");
                    return new BackgroundScaling(BackgroundModel.ConstantPerEot, r, "--background-per-eot");
                }
                double eot = card.Runs.Sum(x => x.ElectronsOnTarget);
                return new BackgroundScaling(BackgroundModel.ConstantPerEot, card.Statistics.ExpectedBackground / eot,
                    string.Create(inv, $"run card '{card.Name}': b = {card.Statistics.ExpectedBackground:G4} at {eot:G4} EOT"));
            case "mc":
                UserInput.Require(o.BackgroundPerEot is null, "--background-per-eot", "a rate was given with --background mc", "drop --background-per-eot: the rate comes from --from");
                UserInput.Require(o.From is not null, "--from", "--background mc needs the background Monte Carlo of a finished `emiss reproduce`", "add --from DIR (a reproduce output directory)");
                string derived = Path.Combine(o.From!, "run.yaml");
                UserInput.Require(File.Exists(derived), "--from", $"'{o.From}' holds no run.yaml", "give the output directory of a finished `emiss reproduce`");
                LimitCard d = CardLoader.Load<LimitCard>(derived, c => c.Validate());
                double deot = d.Runs.Sum(x => x.ElectronsOnTarget);
                return new BackgroundScaling(BackgroundModel.BackgroundMonteCarlo, d.Statistics.ExpectedBackground / deot,
                    string.Create(inv, $"{derived}: b = {d.Statistics.ExpectedBackground:G4} at {deot:G4} EOT, {d.InputSource}"));
            default:
                throw new UserInputException("--background", $"unknown background model '{o.Background}'", "use zero, constant or mc");
        }
    }

    private static string[] Words(string list) => list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Emiss.Analysis.Projections;
using Emiss.Cli.RunCards;
using Emiss.Core.IO;

namespace Emiss.Cli.Commands;

/// <summary>
/// <c>emiss project</c>: expected 90% CL limits (median, ±1σ, ±2σ) for planned exposures, beams, energies, targets and
/// mediators from cached yield tables, with the reproduced 2016 result, the dark-matter plane and HEPData tables.
/// </summary>
internal static class ProjectCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "Run card whose inputs are the defaults (production, signal region, masses, efficiency, CL, seed, background rate)", DefaultValueFactory = _ => "na64-2016" };
        var eot = new Option<string>("--eot") { Description = "Exposures, electrons on target, each in [1e6, 1e15]: list or grid", DefaultValueFactory = _ => "1e10,1e11,1e12,1e13" };
        var beam = new Option<string>("--beam") { Description = "Beam lepton(s): e- | e+ | e-,e+", DefaultValueFactory = _ => "e-" };
        var energy = new Option<string>("--energy-GeV") { Description = "Beam energy/energies, GeV", DefaultValueFactory = _ => "100" };
        var target = new Option<string>("--target") { Description = "Target material(s), e.g. Pb or Pb,W", DefaultValueFactory = _ => "Pb" };
        var model = new Option<string>("--model") { Description = "Mediator(s): vector | scalar | pseudoscalar | axial, a list, or all", DefaultValueFactory = _ => "vector" };
        var background = new Option<string>("--background") { Description = "Background scaling: zero | constant (per EOT; the card's b/EOT unless --background-per-eot) | mc (from --from)", DefaultValueFactory = _ => "constant" };
        var perEot = NumericOption.OptionalReal("--background-per-eot", "Expected background events per EOT (constant scaling)", Interval.Closed(0, 1e-3));
        var from = new Option<string?>("--from") { Description = "A finished `emiss reproduce` directory: background per EOT from its background Monte Carlo (--background mc)" };
        var efficiency = NumericOption.OptionalReal("--efficiency", "Flat signal efficiency instead of the card's curve", Interval.LeftOpen(0, 1));
        var yield = new Option<string>("--yield") { Description = "A′-strahlung yield: analytic (primary track length, fast) | monte-carlo (showers, e- only)", DefaultValueFactory = _ => "analytic" };
        var events = new Option<long?>("--events") { Description = "Showers of the Monte Carlo yields, shared by all masses and mediators of a beam energy (default: the card's signal.monteCarloEvents)" };
        var annihilation = new Option<string>("--shower-annihilation") { Description = "Resonant annihilation of shower positrons in e- yields: on | off", DefaultValueFactory = _ => "on" };
        var alphaD = NumericOption.Real("--alpha-d", "Dark coupling α_D (A′ width; y of the dark-matter plane)", 0.5, Interval.LeftOpen(0, 10));
        var cache = new Option<string?>("--cache") { Description = "Yield-table cache directory (default $XDG_CACHE_HOME/emiss/yields or ~/.cache/emiss/yields)" };
        var output = new Option<string>("--out") { Description = "Output directory", DefaultValueFactory = _ => "out/projection" };
        var cmd = new Command("project", "Expected limits for planned exposures, beams (e-/e+), energies, targets and mediators; dark-matter plane; figures and HEPData.")
            { config, eot, beam, energy, target, model, background, perEot, from, efficiency, yield, events, annihilation, alphaD, cache, output };
        cmd.SetAction(pr => CliErrors.Run(pr, () =>
        {
            var clock = Stopwatch.StartNew();
            string ann = pr.GetValue(annihilation)!;
            UserInput.Require(ann is "on" or "off", "--shower-annihilation", $"'{ann}' is neither on nor off", "use on or off");
            var options = new ProjectOptions(pr.GetValue(config)!, pr.GetValue(eot)!, pr.GetValue(beam)!, pr.GetValue(energy)!, pr.GetValue(target)!, pr.GetValue(model)!,
                pr.GetValue(background)!, pr.GetValue(perEot), pr.GetValue(from), pr.GetValue(efficiency), pr.GetValue(yield)!, pr.GetValue(events), ann == "on",
                pr.GetValue(alphaD), pr.GetValue(cache));
            var (request, card, tableCache) = ProjectInputs.Resolve(options);
            string outDir = UserInput.CheckOutputDirectory("--out", pr.GetValue(output)!);
            using StagedDirectory staged = StagedDirectory.Begin("--out", outDir, ProjectOutputs.FileNames);
            var provenance = new Provenance("emiss " + string.Join(' ', pr.Tokens.Select(t => t.Value)), card.Seed, CardLoader.ToYaml(card))
                .WithNotes(request.Background.Describe(), $"yield cache: {tableCache.Directory}", $"alpha_D = {request.Yields.AlphaDark:G4}, m_chi = m_A'/3");
            ProjectionResult result = ProjectionComputation.Run(request, tableCache, provenance);
            TimeSpan computed = clock.Elapsed;
            ProjectOutputs.Write(staged.Path, request, result, card, tableCache, provenance.WithNotes($"counting limits: {result.CountLimitConvention}"));
            staged.Publish();
            Print(request, result, outDir, computed, clock.Elapsed);
            return 0;
        }));
        return cmd;
    }

    private static void Print(ProjectionRequest request, ProjectionResult result, string outDir, TimeSpan computed, TimeSpan total)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.Out.WriteLine(request.Background.Describe());
        foreach (ProjectionSetting s in request.Settings)
            foreach (double eot in request.ElectronsOnTarget)
            {
                ProjectionPoint best = result.Points.Where(p => p.Setting == s && p.ElectronsOnTarget == eot).MinBy(p => p.Eps90.Median)!;
                Console.Out.WriteLine(string.Create(inv,
                    $"  {s.Particle.Label()} {s.EnergyGeV,5:G4} GeV {s.Target.Name,-3} {ModelNames.Word(s.Mediator),-12} {eot,8:0.#E+0} EOT  b = {best.ExpectedBackground,9:G3}  best median eps90 = {best.Eps90.Median:0.00E+0} at {best.MassMeV:G4} MeV"));
            }
        Console.Out.WriteLine(string.Create(inv,
            $"yield tables: {result.TablesFromCache} of {result.Tables.Count} from the cache; projection computed in {computed.TotalSeconds:0.00} s; wrote {Path.Combine(outDir, "projection.csv")}, figures and the HEPData submission in {total.TotalSeconds:0.0} s"));
    }
}

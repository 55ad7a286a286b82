using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Emiss.Backgrounds.ShowerProcesses;
using Emiss.Core.IO;
using Emiss.Core.Sharding;
using Emiss.Reporting.Plots;
using Emiss.Reporting.Tables;
using Emiss.Shower.Fast;
using Emiss.Shower.Geometry;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Scoring;
using Emiss.Shower.Transport;
using Emiss.Shower;

namespace Emiss.Cli.Commands;

/// <summary>
/// <c>emiss shower</c>: runs the EM shower Monte Carlo for one primary type and energy in a geometry data file and
/// writes longitudinal, radial, cell and track-length tables (CSV + PNG), <c>summary.json</c> (reproducible results and
/// the resolved inputs: identical bytes for the same command) and <c>timing.json</c> (wall time, threads). With
/// <c>--shard i/N</c> it runs one shard's chunks (<see cref="ShowerShards"/>); <c>emiss merge</c> writes the single run's files.
/// </summary>
internal static class ShowerCommand
{
    public static Command Create() => Build().Command;

    /// <summary>The command and how it resolves a parse result into a run (shared by the command and <c>emiss merge</c>).</summary>
    internal static (Command Command, Func<ParseResult, ShowerRun> Resolve) Build()
    {
        var particle = new Option<string>("--particle") { Description = "Primary: e-, e+, gamma, mu-, mu+", DefaultValueFactory = _ => "e-" };
        var energy = NumericOption.Real("--energy-GeV", "Primary kinetic energy, GeV", 100.0, Interval.LeftOpen(0, 1e4));
        var geometry = new Option<string>("--geometry") { Description = $"Built-in geometry ({string.Join(", ", GeometryCatalog.BuiltIn)}) or a .json geometry file", DefaultValueFactory = _ => "na64-ecal" };
        var events = NumericOption.Count("--events", "Number of primaries", 100, 1, 1_000_000_000);
        var seed = NumericOption.Seed("Master seed (event i uses stream (seed, shower, i))", 1);
        var threads = NumericOption.Threads();
        var beamX = NumericOption.Real("--beam-x-cm", "Beam entry point x on the front face, cm (must lie on the geometry's front face)", 0.0, Interval.Closed(-1000, 1000));
        var beamY = NumericOption.Real("--beam-y-cm", "Beam entry point y on the front face, cm (must lie on the geometry's front face)", 0.0, Interval.Closed(-1000, 1000));
        var eCut = NumericOption.OptionalReal("--e-cut-MeV", "One e± production cut for all materials, MeV (default per material: the geometry file's electronCutsMeV, else Pb 1.0, Sc 0.35 (docs/physics/transport.md#production-cuts), else the energy of 1 mm CSDA range, e.g. Fe ≈ 1.3)", Interval.Closed(0.01, 1000));
        var gCut = NumericOption.Real("--gamma-cut-MeV", "γ production cut, MeV (the cross-section tables start at 10 keV)", 0.1, Interval.Closed(0.01, 1000));
        var msc = MscOption.Create();
        var mscDisplacement = new Option<string>("--msc-displacement")
        {
            Description = "Lateral displacement of multiple-scattering steps: everywhere (the default) or near-boundaries (Geant4's Urban model: " +
                          "not for a step that cannot reach a boundary; docs/physics/multiple-scattering.md#lateral-displacement-far-from-boundaries)",
            DefaultValueFactory = _ => DisplacementEverywhere,
        };
        var output = new Option<string>("--out") { Description = "Output directory (with --shard: the directory of the run's shards)", Required = true };
        var fast = new Option<bool>("--fast") { Description = "Fast mode: replace e± and γ below E_switch in the periodic region by library showers (built first, in the same geometry and physics)" };
        var fastSwitch = NumericOption.Real("--fast-switch-GeV", "Fast mode: library upper energy E_switch, GeV", FastShowerOptions.Default.SwitchGeV, Interval.LeftOpen(0, 10));
        var noCache = LibraryCacheOption.Create("Fast mode");
        var shard = ShardOption.Create();
        var muonPairs = NumericOption.Real("--muon-pair-factor",
            "γ → μ⁺μ⁻ conversions (Burkhardt–Kelner–Kokoulin) with the cross section multiplied by this factor, as Geant4's cross-section factor: " +
            "conversions per event / factor is the rate (docs/physics/muon-pairs.md#in-the-shower-engine); 0 = off; analog mode only", 0.0, Interval.Closed(0, 1e6));
        var cmd = new Command("shower", "EM shower Monte Carlo in a slab geometry: profiles, track lengths, summary.json.")
            { particle, energy, geometry, events, seed, threads, beamX, beamY, eCut, gCut, msc, mscDisplacement, output, fast, fastSwitch, noCache, shard, muonPairs };
        ShowerRun Resolve(ParseResult pr)
        {
            ShowerSpecies type = UserInput.Resolve("--particle", () => ShowerSpeciesInfo.Parse(pr.GetValue(particle)!));
            MscSpatial spatial = MscOption.Resolve(pr, msc);
            string displacement = pr.GetValue(mscDisplacement)!;
            UserInput.Require(displacement is DisplacementEverywhere or DisplacementNearBoundaries, "--msc-displacement",
                $"'{displacement}' is not a choice", $"give {DisplacementEverywhere} or {DisplacementNearBoundaries}");
            // Ranges are checked by the option parsers; what remains depends on several inputs or on the file system.
            double e0 = pr.GetValue(energy);
            double? electronCut = pr.GetValue(eCut);
            ShardSpec? sh = ShardOption.Get(pr, shard);
            string outDir = UserInput.CheckOutputDirectory("--out", pr.GetValue(output)!);
            SlabStack geo = UserInput.Resolve("--geometry", () => GeometryCatalog.Load(pr.GetValue(geometry)!));
            double muonPairFactor = pr.GetValue(muonPairs);
            UserInput.Require(muonPairFactor == 0 || muonPairFactor >= 1, "--muon-pair-factor",
                string.Create(CultureInfo.InvariantCulture, $"{muonPairFactor:G6} would lower the cross section below nature's"), "give 0 (off) or a factor ≥ 1");
            UserInput.Require(muonPairFactor == 0 || !pr.GetValue(fast), "--muon-pair-factor",
                "the shower library of fast mode has no muon pairs", "drop --fast (γ → μμ needs the analog transport)");
            var options = PhysicsOptions.Standard with
            {
                GammaCutGeV = pr.GetValue(gCut) * 1e-3, ElectronCutGeV = electronCut * 1e-3, MscSpatial = spatial,
                MscDisplacementFarFromBoundaries = displacement == DisplacementEverywhere,
                ExtraProcesses = muonPairFactor > 0 ? [m => new MuonPairProcess(m, EnergyGrid.Standard, muonPairFactor)] : [],
            };
            double beamXCm = pr.GetValue(beamX), beamYCm = pr.GetValue(beamY);
            RequireOnFrontFace(geo, beamXCm, beamYCm);
            var inputs = new ShowerInputs(ShowerSpeciesInfo.Name(type), e0, pr.GetValue(geometry)!, pr.GetValue(events), pr.GetValue(seed), beamXCm, beamYCm,
                electronCut, pr.GetValue(gCut), pr.GetValue(fast) ? pr.GetValue(fastSwitch) : null, MscSpatialNames.Name(spatial), muonPairFactor, displacement);
            if (sh is { } spec) spec.Range("--shard", 0, inputs.Events, ShowerRunner.ChunkSize);   // refuses more shards than chunks before any work
            return new ShowerRun(type, inputs, new ShowerPhysics(geo, options), NumericOption.ResolveThreads(pr.GetValue(threads)), outDir, sh,
                LibraryCache: !pr.GetValue(noCache));
        }
        cmd.SetAction(pr => CliErrors.Run(pr, () =>
        {
            ShowerRun run = Resolve(pr);
            if (run.Shard is { } spec) return ShowerShards.RunShard(pr, run, spec);
            ShowerInputs inputs = run.Inputs;
            // Staged before any work: the directory appears at --out only when every file is written.
            using StagedDirectory outDir = StagedDirectory.Begin("--out", run.OutDir, ShowerOutputs.FileNames);
            ShowerLibrary? library = BuildLibrary(run);
            long t0 = Stopwatch.GetTimestamp();
            ShowerRunResult r = ShowerRunner.Run(run.Physics, run.Type, inputs.EnergyGeV, inputs.Events, inputs.Seed, run.Threads,
                beamXCm: inputs.BeamXCm, beamYCm: inputs.BeamYCm, library: library);
            double ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            Provenance provenance = ProvenanceOf("emiss " + string.Join(' ', pr.Tokens.Select(t => t.Value)), run, library);
            ShowerOutputs.Write(outDir.Path, r, run.Physics, provenance, inputs);
            ShowerOutputs.WriteTiming(outDir.Path, r.Events, ms, run.Threads, library);
            outDir.Publish();
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{inputs.Events} × {inputs.Particle} {inputs.EnergyGeV} GeV in {run.Physics.Geometry.Name}: E_active {r.MeanActiveGeV:G5} GeV, E_total {r.MeanTotalGeV:G5} GeV, " +
                $"f_samp {r.SamplingFraction:G4}, σ/E {r.ResolutionRel:G4}, leakage {r.LeakageFraction:G4}, t_max {r.TmaxX0:G4} X0, " +
                $"{ms * run.Threads / inputs.Events:G4} ms/event/core → {run.OutDir}"));
            if (ShowerOutputs.MuonPairRate(r, inputs) is { } mu)
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"γ → μ⁺μ⁻: {mu.Conversions:F0} conversions at cross-section factor {inputs.MuonPairFactor:G6} → {mu.PerEvent:G4} ± {mu.StatErr:G2} per primary"));
            return 0;
        }));
        return (cmd, Resolve);
    }

    /// <summary>The resolved inputs (YAML run card) of a parsed shower command line, for <c>emiss submit</c>'s job directory.</summary>
    internal static string ResolvedCard(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        (Command cmd, Func<ParseResult, ShowerRun> resolve) = Build();
        return resolve(new RootCommand { cmd }.Parse([.. parsed.Tokens.Select(t => t.Value)])).Inputs.ToYaml();
    }

    /// <summary>Fast mode's shower library (null in analog mode): from this process's libraries, else the disk cache
    /// (docs/physics/fast-mode.md#library-cache; skipped with --no-library-cache), else built with the run's threads; its build is deterministic.</summary>
    internal static ShowerLibrary? BuildLibrary(ShowerRun run)
    {
        if (run.Inputs.FastSwitchGeV is not { } sw) return null;
        ShowerLibraryDiskCache? disk = run.LibraryCache ? ShowerLibraryCache.Disk : null;
        ShowerLibrary library = UserInput.Resolve("--fast", () => ShowerLibraryCache.For(run.Physics.Geometry, run.Physics.Options,
            FastShowerOptions.Default with { SwitchGeV = sw }, run.Threads, disk));
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"shower library: {library.EntryCount} showers ({library.MinGeV * 1e3:G3} MeV – {library.SwitchGeV:G3} GeV, {library.SpotCount} spots) {(library.LoadedFrom is null ? "built" : "loaded")} in {library.BuildTime.TotalSeconds:F2} s ({library.Origin})"));
        return library;
    }

    /// <summary><c>--msc-displacement</c> choices: every step displaced (default), or only steps that can reach a boundary.</summary>
    internal const string DisplacementEverywhere = "everywhere", DisplacementNearBoundaries = "near-boundaries";

    /// <summary>What every output of the run records: <paramref name="command"/>, seed, resolved inputs, geometry, physics, cuts and mode.</summary>
    internal static Provenance ProvenanceOf(string command, ShowerRun run, ShowerLibrary? library)
    {
        SlabStack geo = run.Physics.Geometry;
        return new Provenance(command, run.Inputs.Seed, run.Inputs.ToYaml())
            .WithNotes($"geometry {geo.Name}: {geo.Description}",
                "physics: brem from Seltzer–Berger tables below 50 MeV, Tsai above (screening, Coulomb, LPM, dielectric), Tsai pair blended into Urban's fit below 10 MeV, " +
                "bound Klein–Nishina, per-element photoabsorption and Rayleigh (xraylib tables), Berger–Seltzer restricted loss with Urban fluctuations + " +
                $"Møller/Bhabha δ rays, Heitler annihilation, Urban multiple scattering ({MscSpatialNames.Name(run.Physics.Options.MscSpatial)} step" +
                (run.Physics.Options.MscDisplacementFarFromBoundaries ? ")" : "; lateral displacement only for steps that can reach a boundary, as Geant4)") +
                (run.Inputs.MuonPairFactor > 0 ? string.Create(CultureInfo.InvariantCulture, $", γ → μ⁺μ⁻ (Burkhardt–Kelner–Kokoulin) × {run.Inputs.MuonPairFactor:G6}") : ""),
                "cuts (e±, GeV): " + string.Join(", ", run.Physics.Materials.Materials.Select(m => $"{m.Name} {m.ElectronCutGeV:G4}")) + $"; γ {run.Physics.Options.GammaCutGeV:G4} GeV",
                library is null ? "mode: analog transport"
                    : string.Create(CultureInfo.InvariantCulture, $"mode: fast (shower library below {library.SwitchGeV:G3} GeV from {library.MinGeV * 1e3:G3} MeV, {library.EntryCount} showers, seed {library.Options.Seed}, key sha256 {library.Key.Digest()}; track-length and interaction tallies exclude substituted particles)"));
    }

    /// <summary>The beam must enter through the front face: a beam outside it never reaches the calorimeter.</summary>
    private static void RequireOnFrontFace(SlabStack geo, double x, double y)
    {
        double size = geo.TransverseSizeCm;
        bool inside = geo.Shape == TransverseShape.Box ? Math.Abs(x) <= size && Math.Abs(y) <= size : Math.Sqrt(x * x + y * y) <= size;
        UserInput.Require(inside, Math.Abs(x) > Math.Abs(y) ? "--beam-x-cm" : "--beam-y-cm",
            string.Create(CultureInfo.InvariantCulture, $"the beam at ({x:G6}, {y:G6}) cm misses the front face of {geo.Name} ({(geo.Shape == TransverseShape.Box ? "|x|, |y| ≤" : "radius")} {size:G6} cm)"),
            "aim at the front face, e.g. --beam-x-cm 0");
    }
}

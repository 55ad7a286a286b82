using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Emiss.Core.IO;
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
/// the resolved inputs: identical bytes for the same command) and <c>timing.json</c> (wall time, threads).
/// </summary>
internal static class ShowerCommand
{
    public static Command Create()
    {
        var particle = new Option<string>("--particle") { Description = "Primary: e-, e+, gamma, mu-, mu+", DefaultValueFactory = _ => "e-" };
        var energy = new Option<double>("--energy-GeV") { Description = "Primary kinetic energy in GeV", DefaultValueFactory = _ => 100.0 };
        var geometry = new Option<string>("--geometry") { Description = $"Built-in geometry ({string.Join(", ", GeometryCatalog.BuiltIn)}) or a .json geometry file", DefaultValueFactory = _ => "na64-ecal" };
        var events = new Option<long>("--events") { Description = "Number of primaries", DefaultValueFactory = _ => 100 };
        var seed = new Option<ulong>("--seed") { Description = "Master seed (event i uses stream (seed, shower, i))", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "Worker threads (results are identical for any value)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var beamX = new Option<double>("--beam-x-cm") { Description = "Beam entry point x on the front face, cm", DefaultValueFactory = _ => 0.0 };
        var beamY = new Option<double>("--beam-y-cm") { Description = "Beam entry point y on the front face, cm", DefaultValueFactory = _ => 0.0 };
        var eCut = new Option<double?>("--e-cut-MeV") { Description = "One e± production cut for all materials, MeV (default: PHYSICS.md §3.6 convention)" };
        var gCut = new Option<double>("--gamma-cut-MeV") { Description = "γ production cut, MeV", DefaultValueFactory = _ => 0.1 };
        var output = new Option<string>("--out") { Description = "Output directory", Required = true };
        var fast = new Option<bool>("--fast") { Description = "Fast mode: replace e± and γ below E_switch in the periodic region by library showers (built first, in the same geometry and physics)" };
        var fastSwitch = new Option<double>("--fast-switch-GeV") { Description = "Fast mode: library upper energy E_switch, GeV", DefaultValueFactory = _ => FastShowerOptions.Default.SwitchGeV };
        var cmd = new Command("shower", "EM shower Monte Carlo in a slab geometry: profiles, track lengths, summary.json.")
            { particle, energy, geometry, events, seed, threads, beamX, beamY, eCut, gCut, output, fast, fastSwitch };
        cmd.SetAction(pr => CliErrors.Run(pr, () =>
        {
            ShowerSpecies type = UserInput.Resolve("--particle", () => ShowerSpeciesInfo.Parse(pr.GetValue(particle)!));
            double e0 = pr.GetValue(energy);
            UserInput.Require(e0 is > 0 and <= 1e4, "--energy-GeV", "must be in (0, 10000]", "e.g. --energy-GeV 100");
            long n = pr.GetValue(events);
            UserInput.Require(n >= 1, "--events", $"must be ≥ 1 (got {n})", "e.g. --events 100");
            int nThreads = pr.GetValue(threads);
            UserInput.Require(nThreads >= 1, "--threads", $"must be ≥ 1 (got {nThreads})", "e.g. --threads 4");
            double gammaCut = pr.GetValue(gCut);
            UserInput.Require(gammaCut >= 0.01, "--gamma-cut-MeV", "must be ≥ 0.01 (the table range starts at 10 keV)", "e.g. --gamma-cut-MeV 0.1");
            double? electronCut = pr.GetValue(eCut);
            UserInput.Require(electronCut is not { } ec || ec >= 0.01, "--e-cut-MeV", "must be ≥ 0.01 (the table range starts at 10 keV)", "e.g. --e-cut-MeV 0.7");
            SlabStack geo = UserInput.Resolve("--geometry", () => GeometryCatalog.Load(pr.GetValue(geometry)!));
            var options = PhysicsOptions.Standard with { GammaCutGeV = gammaCut * 1e-3, ElectronCutGeV = electronCut * 1e-3 };
            var physics = new ShowerPhysics(geo, options);
            ulong s = pr.GetValue(seed);
            double beamXCm = pr.GetValue(beamX), beamYCm = pr.GetValue(beamY);
            UserInput.Require(double.IsFinite(beamXCm) && double.IsFinite(beamYCm), "--beam-x-cm/--beam-y-cm", "must be finite", "e.g. --beam-x-cm 0");
            var inputs = new ShowerInputs(ShowerSpeciesInfo.Name(type), e0, pr.GetValue(geometry)!, n, s, beamXCm, beamYCm, electronCut, gammaCut,
                pr.GetValue(fast) ? pr.GetValue(fastSwitch) : null);
            // Staged before any work: the directory appears at --out only when every file is written.
            using StagedDirectory outDir = StagedDirectory.Begin("--out", pr.GetValue(output)!, ShowerOutputs.FileNames);
            ShowerLibrary? library = null;
            if (inputs.FastSwitchGeV is { } sw)
            {
                UserInput.Require(sw is > 0 and <= 10, "--fast-switch-GeV", "must be in (0, 10]", "e.g. --fast-switch-GeV 0.5");
                library = UserInput.Resolve("--fast", () => ShowerLibrary.Build(physics, FastShowerOptions.Default with { SwitchGeV = sw }, nThreads));
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"shower library: {library.EntryCount} showers ({library.MinGeV * 1e3:G3} MeV – {library.SwitchGeV:G3} GeV, {library.SpotCount} spots) built in {library.BuildTime.TotalSeconds:F2} s"));
            }
            long t0 = Stopwatch.GetTimestamp();
            ShowerRunResult r = ShowerRunner.Run(physics, type, e0, n, s, nThreads, beamXCm: beamXCm, beamYCm: beamYCm, library: library);
            double ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            var provenance = new Provenance("emiss " + string.Join(' ', pr.Tokens.Select(t => t.Value)), s, inputs.ToYaml())
                .WithNotes($"geometry {geo.Name}: {geo.Description}",
                    "physics: Tsai brem (screening, Coulomb, LPM, dielectric), Tsai pair, Klein–Nishina, photoelectric (Pb μ/ρ table, Z⁴ scaling), " +
                    "Berger–Seltzer restricted loss + Møller/Bhabha δ rays, Heitler annihilation, Highland/Lewis multiple scattering",
                    "cuts (e±, GeV): " + string.Join(", ", physics.Materials.Materials.Select(m => $"{m.Name} {m.ElectronCutGeV:G4}")) + $"; γ {options.GammaCutGeV:G4} GeV",
                    library is null ? "mode: analog transport"
                        : string.Create(CultureInfo.InvariantCulture, $"mode: fast (shower library below {library.SwitchGeV:G3} GeV from {library.MinGeV * 1e3:G3} MeV, {library.EntryCount} showers, seed {library.Options.Seed}; track-length and interaction tallies exclude substituted particles)"));
            ShowerOutputs.Write(outDir.Path, r, physics, provenance, inputs);
            ShowerOutputs.WriteTiming(outDir.Path, r, ms, nThreads, library?.BuildTime);
            outDir.Publish();
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{n} × {ShowerSpeciesInfo.Name(type)} {e0} GeV in {geo.Name}: E_active {r.MeanActiveGeV:G5} GeV, E_total {r.MeanTotalGeV:G5} GeV, " +
                $"f_samp {r.SamplingFraction:G4}, σ/E {r.ResolutionRel:G4}, leakage {r.LeakageFraction:G4}, t_max {r.TmaxX0:G4} X0, " +
                $"{ms * nThreads / n:G4} ms/event/core → {pr.GetValue(output)}"));
            return 0;
        }));
        return cmd;
    }
}

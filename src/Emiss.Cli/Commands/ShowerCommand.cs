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
/// writes longitudinal, radial, cell and track-length tables (CSV + PNG) and <c>summary.json</c>.
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
        cmd.SetAction(pr => CliErrors.Run(() =>
        {
            ShowerSpecies type = ShowerSpeciesInfo.Parse(pr.GetValue(particle)!);
            double e0 = pr.GetValue(energy);
            if (!(e0 > 0 && e0 <= 1e4)) throw new ArgumentException("--energy-GeV: must be in (0, 10000]");
            long n = pr.GetValue(events);
            if (n < 1) throw new ArgumentException("--events: must be ≥ 1");
            int nThreads = pr.GetValue(threads);
            if (nThreads < 1) throw new ArgumentException("--threads: must be ≥ 1");
            double gammaCut = pr.GetValue(gCut);
            if (!(gammaCut >= 0.01)) throw new ArgumentException("--gamma-cut-MeV: must be ≥ 0.01 (the table range starts at 10 keV)");
            double? electronCut = pr.GetValue(eCut);
            if (electronCut is { } ec && !(ec >= 0.01)) throw new ArgumentException("--e-cut-MeV: must be ≥ 0.01");
            SlabStack geo = GeometryCatalog.Load(pr.GetValue(geometry)!);
            var options = PhysicsOptions.Standard with { GammaCutGeV = gammaCut * 1e-3, ElectronCutGeV = electronCut * 1e-3 };
            var physics = new ShowerPhysics(geo, options);
            ulong s = pr.GetValue(seed);
            ShowerLibrary? library = null;
            if (pr.GetValue(fast))
            {
                double sw = pr.GetValue(fastSwitch);
                if (!(sw > 0 && sw <= 10)) throw new ArgumentException("--fast-switch-GeV: must be in (0, 10]");
                library = ShowerLibrary.Build(physics, FastShowerOptions.Default with { SwitchGeV = sw }, nThreads);
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"shower library: {library.EntryCount} showers ({library.MinGeV * 1e3:G3} MeV – {library.SwitchGeV:G3} GeV, {library.SpotCount} spots) built in {library.BuildTime.TotalSeconds:F2} s"));
            }
            long t0 = Stopwatch.GetTimestamp();
            ShowerRunResult r = ShowerRunner.Run(physics, type, e0, n, s, nThreads, beamXCm: pr.GetValue(beamX), beamYCm: pr.GetValue(beamY), library: library);
            double ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            var provenance = new Provenance("emiss " + string.Join(' ', pr.Tokens.Select(t => t.Value)), s, "")
                .WithNotes($"geometry {geo.Name}: {geo.Description}",
                    "physics: Tsai brem (screening, Coulomb, LPM, dielectric), Tsai pair, Klein–Nishina, photoelectric (Pb μ/ρ table, Z⁴ scaling), " +
                    "Berger–Seltzer restricted loss + Møller/Bhabha δ rays, Heitler annihilation, Highland/Lewis multiple scattering",
                    "cuts (e±, GeV): " + string.Join(", ", physics.Materials.Materials.Select(m => $"{m.Name} {m.ElectronCutGeV:G4}")) + $"; γ {options.GammaCutGeV:G4} GeV",
                    library is null ? "mode: analog transport"
                        : string.Create(CultureInfo.InvariantCulture, $"mode: fast (shower library below {library.SwitchGeV:G3} GeV from {library.MinGeV * 1e3:G3} MeV, {library.EntryCount} showers, seed {library.Options.Seed}; track-length and interaction tallies exclude substituted particles)"));
            ShowerOutputs.Write(pr.GetValue(output)!, r, physics, provenance, ms, nThreads);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{n} × {ShowerSpeciesInfo.Name(type)} {e0} GeV in {geo.Name}: E_active {r.MeanActiveGeV:G5} GeV, E_total {r.MeanTotalGeV:G5} GeV, " +
                $"f_samp {r.SamplingFraction:G4}, σ/E {r.ResolutionRel:G4}, leakage {r.LeakageFraction:G4}, t_max {r.TmaxX0:G4} X0, " +
                $"{ms * nThreads / n:G4} ms/event/core → {pr.GetValue(output)}"));
            return 0;
        }));
        return cmd;
    }
}
/// <summary>Writes the tables, figures and summary of <c>emiss shower</c>.</summary>
internal static class ShowerOutputs
{
    public static void Write(string dir, ShowerRunResult r, ShowerPhysics physics, Provenance provenance, double elapsedMs, int threads)
    {
        Directory.CreateDirectory(dir);
        SlabStack g = r.Geometry;
        double e0 = ShowerSpeciesInfo.BudgetGeV(r.Primary, r.PrimaryKineticGeV);
        double[] mean = r.MeanSlabGeV, err = r.SlabErrorGeV, centre = r.SlabCentreX0;
        CsvTableWriter.Write(Path.Combine(dir, "longitudinal.csv"), provenance,
            ["slab", "section", "material", "active", "z_lo_cm", "z_hi_cm", "depth_lo_X0", "depth_hi_X0", "edep_GeV", "edep_err_GeV"],
            Enumerable.Range(0, g.SlabCount).Select(i => (IReadOnlyList<object?>)
                [i, g.SectionNames[g.SlabSection[i]], g.Layers[i].Material.Name, g.SlabActive[i] ? 1 : 0, g.ZEdgesCm[i], g.ZEdgesCm[i + 1],
                 g.DepthEdgesX0[i], g.DepthEdgesX0[i + 1], mean[i], err[i]]));
        double[] rad = r.MeanRadialGeV, radErr = r.RadialErrorGeV;
        CsvTableWriter.Write(Path.Combine(dir, "radial.csv"), provenance, ["r_lo_cm", "r_hi_cm", "edep_GeV", "edep_err_GeV"],
            Enumerable.Range(0, rad.Length).Select(i => (IReadOnlyList<object?>)[i * g.RadialBinCm, (i + 1) * g.RadialBinCm, rad[i], radErr[i]]));
        double[] cells = r.MeanCellGeV;
        int nc = g.Cells.Count;
        CsvTableWriter.Write(Path.Combine(dir, "cells.csv"), provenance, ["section", "ix", "iy", "edep_active_GeV"],
            Enumerable.Range(0, cells.Length).Select(i => (IReadOnlyList<object?>)[g.SectionNames[i / nc], i % nc % g.Cells.Nx, i % nc / g.Cells.Nx, cells[i]]));
        string[] species = ["e-", "e+", "gamma", "primary"];
        var tl = new List<IReadOnlyList<object?>>();
        for (int row = 0; row < 4; row++)
        {
            double[] lg = r.TrackLengthLogX0(row), lin = r.TrackLengthLinearX0(row);
            for (int b = 0; b < lg.Length; b++)
            {
                double lo = TrackLengthBins.LogEdgeGeV(b), hi = TrackLengthBins.LogEdgeGeV(b + 1);
                if (lo < r.PrimaryKineticGeV) tl.Add([species[row], "log", lo, hi, lg[b] / (hi - lo)]);
            }
            double w = r.PrimaryKineticGeV / TrackLengthBins.LinearBins;
            for (int b = 0; b < lin.Length; b++) tl.Add([species[row], "linear", b * w, (b + 1) * w, lin[b] / w]);
        }
        CsvTableWriter.Write(Path.Combine(dir, "tracklength.csv"), provenance, ["species", "binning", "E_lo_GeV", "E_hi_GeV", "T_X0_per_GeV"], tl);

        // Plot in 0.5 X0 depth bins (slabs assigned by their centre), so thin sampling layers do not alternate.
        int nb = (int)Math.Ceiling(g.DepthX0 / 0.5);
        double[] binEdges = [.. Enumerable.Range(0, nb + 1).Select(i => 0.5 * i)];
        var all = new double[nb];
        var width = new double[nb];
        for (int i = 0; i < g.SlabCount; i++)
        {
            int b = Math.Min((int)(centre[i] / 0.5), nb - 1);
            all[b] += mean[i] / e0;
            width[b] += g.DepthEdgesX0[i + 1] - g.DepthEdgesX0[i];
        }
        for (int b = 0; b < nb; b++)
            if (width[b] > 0) all[b] /= width[b];
        var longSeries = new List<ProfileSeries> { ProfileSeries.Histogram("all material (per-slab values in longitudinal.csv)", binEdges, all) };
        ProfilePlot.Write(new ProfilePlotData($"{g.Name}: {ShowerSpeciesInfo.Name(r.Primary)} {r.PrimaryKineticGeV:G4} GeV, {r.Events} events",
            "depth t [X₀]", "(1/E₀) dE/dt [1/X₀]", longSeries), provenance, Path.Combine(dir, "longitudinal"));
        double[] rEdges = [.. Enumerable.Range(0, rad.Length + 1).Select(i => i * g.RadialBinCm)];
        ProfilePlot.Write(new ProfilePlotData($"{g.Name}: radial profile", "r [cm]", "(1/E₀) dE/dr [1/cm]",
            [ProfileSeries.Histogram("all slabs", rEdges, [.. rad.Select(v => v / e0 / g.RadialBinCm)])], LogY: true), provenance, Path.Combine(dir, "radial"));
        double[] logCentres = [.. Enumerable.Range(0, TrackLengthBins.LogBins).Select(b => Math.Sqrt(TrackLengthBins.LogEdgeGeV(b) * TrackLengthBins.LogEdgeGeV(b + 1)))];
        var series = new List<ProfileSeries>();
        for (int row = 0; row < 4; row++)
        {
            double[] lg = r.TrackLengthLogX0(row);
            double[] y = [.. Enumerable.Range(0, lg.Length).Select(b => lg[b] / (TrackLengthBins.LogEdgeGeV(b + 1) - TrackLengthBins.LogEdgeGeV(b)))];
            int last = Array.FindLastIndex(y, v => v > 0);
            if (last >= 0) series.Add(new ProfileSeries(species[row], logCentres[..(last + 1)], y[..(last + 1)], row == 3));
        }
        if (series.Count > 0)
            ProfilePlot.Write(new ProfilePlotData($"{g.Name}: differential track length", "E [GeV]", "T(E) [X₀/GeV]", series, LogY: true, LogX: true),
                provenance, Path.Combine(dir, "tracklength"));

        double[] ipe = r.InteractionsPerEvent;
        AtomicFile.Write(Path.Combine(dir, "summary.json"), stream =>
        {
            using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            w.WriteStartObject();
            w.WriteNumber("events", r.Events);
            w.WriteNumber("mean_edep_active_GeV", r.MeanActiveGeV);
            w.WriteNumber("mean_edep_total_GeV", r.MeanTotalGeV);
            w.WriteNumber("sampling_fraction", r.SamplingFraction);
            w.WriteNumber("resolution_rel", r.ResolutionRel);
            w.WriteNumber("leakage_fraction", r.LeakageFraction);
            w.WriteNumber("tmax_X0", r.TmaxX0);
            w.WriteNumber("tracklength_charged_X0", r.ChargedTrackLengthX0);
            w.WriteNumber("ms_per_event_per_core", elapsedMs * threads / r.Events);
            w.WriteString("particle", ShowerSpeciesInfo.Name(r.Primary));
            w.WriteNumber("energy_GeV", r.PrimaryKineticGeV);
            w.WriteString("geometry", g.Name);
            w.WriteNumber("threads", threads);
            w.WriteNumber("rms_edep_active_GeV", r.RmsActiveGeV);
            w.WriteNumber("rms_edep_total_GeV", r.RmsTotalGeV);
            w.WriteNumber("tracklength_neutral_X0", r.NeutralTrackLengthX0);
            w.WriteNumber("steps_charged_per_event", r.ChargedStepsPerEvent);
            w.WriteNumber("steps_neutral_per_event", r.NeutralStepsPerEvent);
            w.WriteNumber("max_energy_balance_error_rel", r.Sums.MaxBalanceError);
            w.WriteStartObject("section_active_GeV");
            foreach (string sec in g.SectionNames) w.WriteNumber(sec, r.MeanSectionActiveGeV(sec));
            w.WriteEndObject();
            w.WriteStartObject("interactions_per_event");
            for (int i = 0; i < ipe.Length; i++) w.WriteNumber(r.ProcessNames[i], ipe[i]);
            w.WriteEndObject();
            w.WriteStartObject("electron_cut_GeV");
            foreach (var m in physics.Materials.Materials) w.WriteNumber(m.Name, m.ElectronCutGeV);
            w.WriteEndObject();
            w.WriteNumber("gamma_cut_GeV", physics.Options.GammaCutGeV);
            w.WriteStartObject("provenance");
            foreach (var kv in provenance.ToKeyValues()) w.WriteString(kv.Key, kv.Value);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }
}

using System.Text.Json;
using Emiss.Core.IO;
using Emiss.Reporting.Plots;
using Emiss.Reporting.Profiles;
using Emiss.Reporting.Tables;
using Emiss.Shower;
using Emiss.Shower.Fast;
using Emiss.Shower.Geometry;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Scoring;
using Emiss.Shower.Transport;

namespace Emiss.Cli.Commands;

/// <summary>Writes the tables, figures, summary.json and timing.json of <c>emiss shower</c>.</summary>
internal static class ShowerOutputs
{
    /// <summary>Every file <see cref="Write"/> and <see cref="WriteTiming"/> may create (a directory holding only these may be replaced).</summary>
    public static readonly string[] FileNames =
    [
        "longitudinal.csv", "longitudinal.png", "longitudinal.svg", "longitudinal.pdf", "radial.csv", "radial.png", "radial.svg", "radial.pdf", "cells.csv",
        "tracklength.csv", "tracklength.png", "tracklength.svg", "tracklength.pdf", "summary.json", "timing.json",
    ];

    /// <summary>Writes the tables, figures and summary.json into the existing directory <paramref name="dir"/>.</summary>
    public static void Write(string dir, ShowerRunResult r, ShowerPhysics physics, Provenance provenance, ShowerInputs inputs)
    {
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
        double[] logEdges = [.. Enumerable.Range(0, TrackLengthBins.LogBins + 1).Select(TrackLengthBins.LogEdgeGeV)];
        var logSpectra = new BinnedDensity[TrackLengthBins.Rows];
        var tl = new List<IReadOnlyList<object?>>();
        for (int row = 0; row < TrackLengthBins.Rows; row++)
        {
            BinnedDensity lg = logSpectra[row] = BinnedDensity.FromContents(logEdges, r.TrackLengthLogX0(row));
            for (int b = 0; b < lg.PerUnit.Length; b++)
                if (lg.Edges[b] < r.PrimaryKineticGeV) tl.Add([species[row], "log", lg.Edges[b], lg.Edges[b + 1], lg.PerUnit[b]]);
            BinnedDensity lin = BinnedDensity.FromUniformContents(r.PrimaryKineticGeV / TrackLengthBins.LinearBins, r.TrackLengthLinearX0(row));
            for (int b = 0; b < lin.PerUnit.Length; b++) tl.Add([species[row], "linear", lin.Edges[b], lin.Edges[b + 1], lin.PerUnit[b]]);
        }
        CsvTableWriter.Write(Path.Combine(dir, "tracklength.csv"), provenance, ["species", "binning", "E_lo_GeV", "E_hi_GeV", "T_X0_per_GeV"], tl);

        // Plot in 0.5 X0 depth bins (slabs assigned by their centre), so thin sampling layers do not alternate.
        BinnedDensity depth = BinnedDensity.RegroupByCentre(g.DepthEdgesX0, centre, [.. mean.Select(v => v / e0)], 0.5);
        var longSeries = new List<ProfileSeries> { ProfileSeries.Histogram("all material (per-slab values in longitudinal.csv)", depth.Edges, depth.PerUnit) };
        ProfilePlot.Write(new ProfilePlotData($"{g.Name}: {ShowerSpeciesInfo.Name(r.Primary)} {r.PrimaryKineticGeV:G4} GeV, {r.Events} events",
            "depth t [X₀]", "(1/E₀) dE/dt [1/X₀]", longSeries), provenance, Path.Combine(dir, "longitudinal"));
        BinnedDensity radial = BinnedDensity.FromUniformContents(g.RadialBinCm, [.. rad.Select(v => v / e0)]);
        ProfilePlot.Write(new ProfilePlotData($"{g.Name}: radial profile", "r [cm]", "(1/E₀) dE/dr [1/cm]",
            [ProfileSeries.Histogram("all slabs", radial.Edges, radial.PerUnit)], LogY: true), provenance, Path.Combine(dir, "radial"));
        var series = new List<ProfileSeries>();
        for (int row = 0; row < TrackLengthBins.Rows; row++)
        {
            var (x, y) = logSpectra[row].GeometricPointsThroughLastPositive();
            if (x.Length > 0) series.Add(new ProfileSeries(species[row], x, y, row == 3));
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
            w.WriteNumber("sampling_fraction_deposited", r.DepositedSamplingFraction);
            w.WriteNumber("resolution_rel", r.ResolutionRel);
            w.WriteNumber("leakage_fraction", r.LeakageFraction);
            w.WriteNumber("tmax_X0", r.TmaxX0);
            w.WriteNumber("tracklength_charged_X0", r.ChargedTrackLengthX0);
            w.WriteString("particle", ShowerSpeciesInfo.Name(r.Primary));
            w.WriteNumber("energy_GeV", r.PrimaryKineticGeV);
            w.WriteString("geometry", g.Name);
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
            if (MuonPairRate(r, inputs) is { } mu)
            {
                // The conversions of the biased run and the rate they stand for (÷ the cross-section factor; Poisson error).
                w.WriteStartObject("muon_pairs");
                w.WriteNumber("cross_section_factor", inputs.MuonPairFactor);
                w.WriteNumber("conversions", mu.Conversions);
                w.WriteNumber("per_event", mu.PerEvent);
                w.WriteNumber("per_event_stat_err", mu.StatErr);
                w.WriteEndObject();
            }
            w.WriteStartObject("electron_cut_GeV");
            foreach (var m in physics.Materials.Materials) w.WriteNumber(m.Name, m.ElectronCutGeV);
            w.WriteEndObject();
            w.WriteNumber("gamma_cut_GeV", physics.Options.GammaCutGeV);
            inputs.WriteJson(w, "inputs");
            w.WriteStartObject("provenance");
            foreach (var kv in provenance.ToKeyValues()) w.WriteString(kv.Key, kv.Value);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    /// <summary>
    /// timing.json: what depends on the machine and the thread count rather than on the inputs (kept out of
    /// summary.json so that reruns of the same command give identical bytes there).
    /// </summary>
    public static void WriteTiming(string dir, long events, double elapsedMs, int threads, ShowerLibrary? library)
    {
        AtomicFile.Write(Path.Combine(dir, "timing.json"), stream =>
        {
            using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            w.WriteStartObject();
            w.WriteNumber("threads", threads);
            w.WriteNumber("wall_s", elapsedMs * 1e-3);
            w.WriteNumber("ms_per_event_per_core", elapsedMs * threads / events);
            w.WriteNumber("events_per_s", events / (elapsedMs * 1e-3));
            // Built or loaded is a fact of this process, not of the result: it belongs here, not in summary.json, whose
            // bytes must not depend on whether an earlier run filled the disk cache.
            if (library is { } l)
            {
                w.WriteNumber("library_build_s", l.BuildTime.TotalSeconds);
                w.WriteString("library_origin", l.Origin);
            }
            else
            {
                w.WriteNull("library_build_s");
                w.WriteNull("library_origin");
            }
            w.WriteEndObject();
        });
    }

    /// <summary>γ → μ⁺μ⁻ conversions of a run with <c>--muon-pair-factor</c> and the unbiased rate per event they give
    /// (count ÷ (events × factor), Poisson error); null when the process is off.</summary>
    internal static (double Conversions, double PerEvent, double StatErr)? MuonPairRate(ShowerRunResult r, ShowerInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(inputs);
        int i = r.ProcessNames.IndexOf(Backgrounds.ShowerProcesses.MuonPairProcess.ProcessName);
        if (inputs.MuonPairFactor <= 0 || i < 0) return null;
        double n = r.Sums.InteractionsSum[i], scale = r.Events * inputs.MuonPairFactor;
        return (n, n / scale, Math.Sqrt(n) / scale);
    }
}

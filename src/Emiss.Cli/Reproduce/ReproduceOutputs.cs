using System.Globalization;
using Emiss.Analysis.Efficiency;
using Emiss.Analysis.Sidebands;
using Emiss.Core.IO;
using Emiss.Events.Selection;
using Emiss.Reporting.Tables;

namespace Emiss.Cli.Reproduce;

/// <summary>The CSV files <c>emiss reproduce</c> writes beside those of the stages it calls.</summary>
internal static class ReproduceOutputs
{
    /// <summary>Columns of <c>efficiency.csv</c>.</summary>
    public static readonly string[] EfficiencyColumns =
        ["run", "mA_MeV", "events", "efficiency", "stat_err", "trigger", "loose_srd", "track", "srd", "ecal_shape", "v2", "hcal",
         "f_trigger", "f_counters", "f_analysis", "f_v2", "f_ecal_box", "f_hcal", "f_pileup"];

    /// <summary>Columns of <c>sidebands.csv</c>.</summary>
    public static readonly string[] SidebandColumns = ["sideband", "model", "sideband_events", "parameter", "box_events", "stat_err", "sideband_weighted", "role", "syst_err"];

    /// <summary>Writes <c>efficiency.csv</c>: per run and mass the total efficiency and the factor of each cut (relative to
    /// the previous one; hcal = E_HCAL in the box given everything else), then the EOT-weighted combination (run "all").
    /// The f_ columns group them as the seed does (docs/physics/signal-efficiency.md#efficiency-csv-columns): f_trigger (geometry and
    /// trigger; f_counters is its S1·S2·S3 part) × f_analysis (loose SRD, i–iii) × f_v2 × f_ecal_box (E_ECAL below the box
    /// edge) × f_hcal = efficiency; f_pileup = ε / ε(no pile-up particle) summarises the pile-up loss contained in the others.</summary>
    public static void WriteEfficiency(string path, Provenance provenance, IReadOnlyList<SignalEfficiencyPoint> points, IReadOnlyList<(string Run, double Eot)> runs,
                                       IReadOnlyList<(double MassMeV, double Efficiency)> combined)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (SignalEfficiencyPoint p in points)
            rows.Add([p.Run, p.MassMeV, p.Events, p.Efficiency, p.StatError, p.StageFactor(CutStage.PhysicsTrigger), p.StageFactor(CutStage.LooseSrd),
                      p.StageFactor(CutStage.Track), p.StageFactor(CutStage.Srd), p.StageFactor(CutStage.EcalShape), p.StageFactor(CutStage.V2), p.HcalFactor,
                      p.TriggerFactor, p.CountersFactor, p.AnalysisFactor, p.VetoFactor, p.EcalBoxFactor, p.HcalFactor, double.IsNaN(p.PileUpFactor) ? null : p.PileUpFactor]);
        foreach ((double m, double e) in combined)
        {
            double err = Math.Sqrt(points.Where(p => p.MassMeV == m).Sum(p =>
            {
                double w = runs.First(r => r.Run == p.Run).Eot / runs.Sum(r => r.Eot);
                return w * w * p.StatError * p.StatError;
            }));
            rows.Add(["all", m, points.Where(p => p.MassMeV == m).Sum(p => p.Events), e, err, null, null, null, null, null, null, null,
                      null, null, null, null, null, null, null]);
        }
        CsvTableWriter.Write(path, provenance.WithNotes("efficiency: signal MC (A′ emitted in the ECAL shower: emitter energy, depth and E_A′ from the signal Monte Carlo) through the digitised detector and the cuts; " +
                                                        "trigger..hcal are relative to the previous cut; f_trigger·f_analysis·f_v2·f_ecal_box·f_hcal = efficiency; f_pileup = ε/ε(no pile-up); run 'all' is the EOT-weighted mean"),
                             EfficiencyColumns, rows);
    }

    /// <summary>EOT-weighted efficiency per mass: the counting combination of the runs sums n_EOT·ε·n_A′, so a single
    /// efficiency Σ n_EOT,r·ε_r / Σ n_EOT,r reproduces it exactly.</summary>
    public static List<(double MassMeV, double Efficiency)> Combined(IReadOnlyList<SignalEfficiencyPoint> points, IReadOnlyList<(string Run, double Eot)> runs)
    {
        double total = runs.Sum(r => r.Eot);
        return [.. points.GroupBy(p => p.MassMeV).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Sum(p => p.Efficiency * runs.First(r => r.Run == p.Run).Eot) / total))];
    }

    /// <summary>The model's name in <c>sidebands.csv</c>.</summary>
    private static string ModelName(ExtrapolationModel m) => m switch
    {
        ExtrapolationModel.BremsstrahlungLoss => "bremsstrahlung",
        _ => m.ToString().ToLowerInvariant(),
    };

    /// <summary>Writes <c>sidebands.csv</c> (method 2): per sideband its central model, the variations, and the estimate
    /// (central box count, its statistical error, the systematic); then the total of A and C.</summary>
    public static void WriteSidebands(string path, Provenance provenance, IReadOnlyList<SidebandEstimate> estimates)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (SidebandEstimate e in estimates)
        {
            for (int i = 0; i < e.Models.Count; i++)
            {
                ModelResult m = e.Models[i];
                rows.Add([e.Sideband, ModelName(m.Model), e.SidebandEvents, m.Parameter, m.BoxEvents, m.StatError, e.SidebandWeighted,
                          i == 0 ? "central" : "variation", null]);
            }
            rows.Add([e.Sideband, "estimate", e.SidebandEvents, null, e.BoxEvents, e.StatError, e.SidebandWeighted, "estimate", e.SystError]);
        }
        double total = estimates.Sum(e => e.BoxEvents);
        double stat = Math.Sqrt(estimates.Sum(e => e.StatError * e.StatError)), syst = estimates.Sum(e => e.SystError);
        rows.Add(["A+C", "total", estimates.Sum(e => e.SidebandEvents), null, total, stat, estimates.Sum(e => e.SidebandWeighted), "estimate", syst]);
        CsvTableWriter.Write(path, provenance.WithNotes(string.Create(CultureInfo.InvariantCulture,
            $"method 2: sideband extrapolation, total {total:G3} ± {stat:G2} (stat) ± {syst:G2} (syst, largest distance of a variation from the central model); seed: 0.4 ± 0.3")),
            SidebandColumns, rows);
    }
}

using System.Globalization;
using Emiss.Backgrounds.Estimates;
using Emiss.Backgrounds.Sources;
using Emiss.Events;
using Emiss.Events.Selection;

namespace Emiss.Backgrounds.PseudoData;

/// <summary>What one background-only pseudo-data run of one seed puts after the selection (weighted sums in the
/// <c>*Weighted</c> fields: sources above the per-source cap carry weights).</summary>
/// <param name="Seed">Master seed.</param>
/// <param name="Run">Run name.</param>
/// <param name="InBox">Events passing every cut inside the signal box (the unblinded observed count).</param>
/// <param name="OutsideBox">Events passing every cut outside the box.</param>
/// <param name="LooseSrd">Events passing the physics trigger and the loose SRD cut (the seed's ≈ 5·10⁴ checkpoint).</param>
/// <param name="InBoxWeighted">Σ w inside the box.</param>
/// <param name="LooseSrdWeighted">Σ w after the loose SRD cut.</param>
/// <param name="InBoxProcesses">The true processes of the events in the box, "name:count" joined by spaces in
/// <see cref="TrueProcess"/> code order (empty when the box is empty): pseudo-data truth, so that a box event can be
/// traced to its source.</param>
public sealed record SeedRunCount(ulong Seed, string Run, long InBox, long OutsideBox, long LooseSrd, double InBoxWeighted, double LooseSrdWeighted, string InBoxProcesses);

/// <summary>
/// The seed-to-seed distribution of the unblinded signal-box count for background-only pseudo-data (issue: "0 events
/// in the box … in most seeds"): for each master seed, every run is generated with <see cref="RunGenerator"/> exactly as
/// <see cref="PseudoDataCampaign"/> does, and its recorded events are pushed through the selection in memory (no event
/// store is written). The method-1 expectation μ in the box (<see cref="BackgroundEstimator"/>, biased Monte Carlo)
/// gives the Poisson reference: the fraction of seeds with 0 events should be ≈ e^(−μ).
/// </summary>
public static class SeedStudy
{
    /// <summary>Counts the selection outcome of every run for seed <paramref name="seed"/>.</summary>
    public static IReadOnlyList<SeedRunCount> Count(IReadOnlyList<PseudoDataRun> runs, ulong seed, IReadOnlyList<IBackgroundSource> sources, SelectionCuts cuts,
                                                    int threads, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(cuts);
        var counts = new List<SeedRunCount>();
        foreach (PseudoDataRun run in runs)
        {
            RunOutput output = RunGenerator.Generate(run, seed, sources, threads, cancellationToken: cancellationToken);
            var evaluator = new SelectionEvaluator(cuts, run.Card.Ecal.CellsX, run.Card.Ecal.CellsY);
            long box = 0, outside = 0, loose = 0;
            double boxW = 0, looseW = 0;
            var boxProcesses = new SortedDictionary<int, long>();
            foreach (EventBatch b in output.Batches)
            {
                SelectionColumns c = SelectionColumns.FromBatch(b, run.Card.Ecal.CellsX, run.Card.Ecal.CellsY);
                for (int r = 0; r < c.Count; r++)
                {
                    CutStage last = evaluator.LastPassed(c, r);
                    if (last >= CutStage.LooseSrd)
                    {
                        loose++;
                        looseW += c.Weight[r];
                    }
                    if (last != CutStage.V2) continue;
                    if (evaluator.RegionOf(c.EcalEnergyGeV[r], c.HcalEnergyGeV[r]) == SignalRegion.SignalBox)
                    {
                        box++;
                        boxW += c.Weight[r];
                        // SelectionColumns.FromBatch keeps the batch's row order: row r of the columns is row r of b.
                        int code = b.TrueProcessCode[r];
                        boxProcesses[code] = boxProcesses.GetValueOrDefault(code) + 1;
                    }
                    else outside++;
                }
            }
            string processes = string.Join(" ", boxProcesses.Select(kv => string.Create(CultureInfo.InvariantCulture,
                $"{TrueProcessNames.Of(kv.Key)}:{kv.Value}")));
            counts.Add(new SeedRunCount(seed, run.Name, box, outside, loose, boxW, looseW, processes));
        }
        return counts;
    }

    /// <summary>The method-1 expectation in the signal box, summed over runs and sources (biased Monte Carlo with
    /// <paramref name="eventsPerSource"/> events per source and run, seeded with <paramref name="seed"/>).</summary>
    public static double ExpectedInBox(IReadOnlyList<PseudoDataRun> runs, ulong seed, IReadOnlyList<IBackgroundSource> sources, long eventsPerSource,
                                       SelectionCuts cuts, int threads, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runs);
        string box = EstimateRegion.Names[EstimateRegion.SignalBox];
        return runs.Sum(run => BackgroundEstimator.Estimate(run, seed, sources, eventsPerSource, cuts, threads, biased: true, cancellationToken: cancellationToken)
                                                  .Where(e => e.Region == box).Sum(e => e.ExpectedEvents));
    }
}

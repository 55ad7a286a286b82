using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Emiss.Backgrounds.Estimates;
using Emiss.Backgrounds.Sources;
using Emiss.Core.IO;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Storage.Events;

namespace Emiss.Backgrounds.PseudoData;

/// <summary>
/// Generates a pseudo-data set: per run an event store <c>RUN.parquet</c> and a spill table <c>RUN-spills.csv</c>, the
/// sealed truth <c>sealed/truth.csv</c>, and the method-1 background estimate <c>backgrounds.csv</c> with the comparison
/// <c>table1.csv</c> beside the seed's Table I. Runs are generated one by one into a work directory that survives an
/// interrupted command: a rerun with the same request (same fingerprint) reuses the finished runs. The caller stages
/// the output directory and publishes it when <see cref="Run"/> returns, so the output appears complete or not at all.
/// </summary>
public static class PseudoDataCampaign
{
    /// <summary>File-name patterns this campaign writes into the output directory.</summary>
    public static IReadOnlyList<string> OwnedNames { get; } = ["*.parquet", "*-spills.csv", "backgrounds.csv", "table1.csv", "background-regions.csv", "cutflow-mc.csv", "sealed", "sealed/truth.csv", "sealed/injection.csv"];

    /// <summary>Generates <paramref name="request"/>: finished runs are kept in <paramref name="workDir"/>, the complete
    /// output is written to <paramref name="stagingDir"/>. Returns the per-run outputs' summaries and the estimates.</summary>
    public static CampaignSummary Run(PseudoDataRequest request, string workDir, string stagingDir, Action<string>? status = null,
                                      IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string fingerprint = Fingerprint(request);
        Directory.CreateDirectory(workDir);
        string fpPath = Path.Combine(workDir, "fingerprint");
        if (!File.Exists(fpPath) || File.ReadAllText(fpPath) != fingerprint)
        {
            foreach (string f in Directory.GetFiles(workDir)) File.Delete(f);
            AtomicFile.WriteText(fpPath, fingerprint);
        }
        var runs = new List<RunSummary>();
        foreach (PseudoDataRun run in request.Runs)
        {
            string done = Path.Combine(workDir, run.Name + ".done");
            if (File.Exists(done))
            {
                status?.Invoke($"{run.Name}: finished earlier, reused");
                runs.Add(RunSummary.Parse(File.ReadAllText(done)));
                continue;
            }
            status?.Invoke($"{run.Name}: generating {run.ElectronsOnTarget:G3} EOT");
            RunOutput output = RunGenerator.Generate(run, request.Seed, request.Sources, request.Injection, request.Threads, progress, cancellationToken);
            WriteRun(output, request, workDir, cancellationToken);
            RunSummary summary = RunSummary.Of(output);
            AtomicFile.WriteText(done, summary.Format());
            runs.Add(summary);
        }

        status?.Invoke("background estimate (biased Monte Carlo per source)");
        var estimates = new List<SourceEstimate>();
        var cutFlow = new List<SourceCutFlow>();
        foreach (PseudoDataRun run in request.Runs)
            estimates.AddRange(BackgroundEstimator.Estimate(run, request.Seed, request.Sources, request.EstimateEventsPerSource,
                                                            request.Cuts, request.Threads, biased: true, cutFlow, cancellationToken: cancellationToken));

        foreach (PseudoDataRun run in request.Runs)
        {
            foreach (string name in new[] { run.Name + ".parquet", run.Name + "-spills.csv" })
                File.Copy(Path.Combine(workDir, name), Path.Combine(stagingDir, name));
        }
        WriteCampaignFiles(request, runs, estimates, cutFlow, stagingDir);
        return new CampaignSummary(runs, estimates);
    }

    /// <summary>The plans of the request's runs (every shard of a sharded campaign makes the same ones).</summary>
    public static IReadOnlyList<RunPlan> Plan(PseudoDataRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return [.. request.Runs.Select(r => RunGenerator.Plan(r, request.Seed, request.Sources, request.Injection, request.Threads, cancellationToken))];
    }

    /// <summary>
    /// Generates one shard of a campaign into <paramref name="shardDir"/>: chunks [<paramref name="firstChunk"/>,
    /// <paramref name="firstChunk"/> + <paramref name="chunkCount"/>) of the runs' chunks taken one run after the other
    /// (<see cref="ShardCampaign.ChunkRanges"/>), and the background estimate of the (run, source) units of
    /// <see cref="ShardCampaign.EstimateUnits"/>. Returns the names of the files written (see <see cref="ShardCampaign"/>).
    /// </summary>
    public static IReadOnlyList<string> RunShard(PseudoDataRequest request, IReadOnlyList<RunPlan> plans, int shardIndex, int shardCount,
                                                 long firstChunk, long chunkCount, string shardDir, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(plans);
        var files = new List<string>();
        IReadOnlyList<(int From, int To)> ranges = ShardCampaign.ChunkRanges(plans, firstChunk, chunkCount);
        for (int r = 0; r < plans.Count; r++)
        {
            RunPart part = RunGenerator.GenerateChunks(plans[r], ranges[r].From, ranges[r].To, request.Threads, null, cancellationToken);
            files.AddRange(ShardCampaign.WritePart(part, plans[r].Run, request.Provenance, shardDir, cancellationToken));
        }
        (int units0, int units1) = ShardCampaign.EstimateUnits(request.Runs.Count * request.Sources.Count, shardIndex, shardCount);
        var estimates = new List<SourceEstimate>();
        var cutFlow = new List<SourceCutFlow>();
        for (int r = 0; r < request.Runs.Count; r++)
        {
            int runBase = r * request.Sources.Count;
            if (runBase + request.Sources.Count <= units0 || runBase >= units1) continue;
            estimates.AddRange(BackgroundEstimator.Estimate(request.Runs[r], request.Seed, request.Sources, request.EstimateEventsPerSource, request.Cuts,
                                                            request.Threads, biased: true, cutFlow,
                                                            i => runBase + i >= units0 && runBase + i < units1, cancellationToken));
        }
        files.Add(ShardCampaign.WriteEstimates(estimates, cutFlow, shardDir));
        return files;
    }

    /// <summary>
    /// Joins the shards in <paramref name="shardDirs"/> (in shard order) of a campaign made with <paramref name="request"/>
    /// into <paramref name="stagingDir"/>: the files a single run writes, with the same row data and values.
    /// </summary>
    public static CampaignSummary Merge(PseudoDataRequest request, IReadOnlyList<string> shardDirs, string stagingDir, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(shardDirs);
        var runs = new List<RunSummary>();
        foreach (PseudoDataRun run in request.Runs)
        {
            RunPart[] parts = [.. shardDirs.Select(d => ShardCampaign.ReadPart(d, run, cancellationToken))];
            RunOutput output = RunGenerator.Assemble(run, request.Seed, parts);
            WriteRun(output, request, stagingDir, cancellationToken);
            runs.Add(RunSummary.Of(output));
        }
        var estimates = new List<SourceEstimate>();
        var cutFlow = new List<SourceCutFlow>();
        foreach (string d in shardDirs) ShardCampaign.ReadEstimates(d, estimates, cutFlow);
        WriteCampaignFiles(request, runs, estimates, cutFlow, stagingDir);
        return new CampaignSummary(runs, estimates);
    }

    /// <summary>The campaign-wide files: sealed truth (and injection), backgrounds.csv, table1.csv, regions and cut flow.</summary>
    private static void WriteCampaignFiles(PseudoDataRequest request, List<RunSummary> runs, List<SourceEstimate> estimates, List<SourceCutFlow> cutFlow, string stagingDir)
    {
        var truth = new StringBuilder(request.Provenance.ToCommentBlock());
        truth.Append("# SEALED: true origin of every pseudo-data event; a blind analysis must not read this file\n");
        truth.Append("# simulated/weight: a source above the per-source cap is simulated with fewer events, each of the given weight; triggered/skimmed/recorded count simulated events\n");
        truth.Append("run,source,process_code,rate_per_eot,expected_events,generated,physics_triggered,skimmed,recorded,true_eot,beam_particles,reference_generated,calibration_trigger_fraction,simulated,weight\n");
        foreach (RunSummary r in runs)
            foreach (SourceTally t in r.Tallies)
                truth.Append(Invariant($"{r.Run},{t.Source},{t.ProcessCode},{t.RatePerEot:R},{t.ExpectedEvents:R},{t.Generated},{t.PhysicsTriggered},{t.Skimmed},{t.Recorded},{r.ElectronsOnTarget:R},{r.BeamParticles:R},{r.ReferenceGenerated},{r.CalibrationTriggerFraction:R},{t.Simulated},{t.Weight:R}\n"));
        AtomicFile.WriteText(Path.Combine(stagingDir, "sealed", "truth.csv"), truth.ToString());
        if (request.Injection is { } inj) AtomicFile.WriteText(Path.Combine(stagingDir, "sealed", "injection.csv"), InjectionCsv(request, inj, runs));
        AtomicFile.WriteText(Path.Combine(stagingDir, "backgrounds.csv"), BackgroundsCsv.Format(estimates, request));
        AtomicFile.WriteText(Path.Combine(stagingDir, "table1.csv"), BackgroundsCsv.FormatTableI(estimates, request, TriggerClosedSources(request)));
        AtomicFile.WriteText(Path.Combine(stagingDir, "background-regions.csv"), BackgroundsCsv.FormatRegions(estimates, request));
        AtomicFile.WriteText(Path.Combine(stagingDir, "cutflow-mc.csv"), BackgroundsCsv.FormatCutFlow(cutFlow, request));
    }

    /// <summary>The sources whose own kinematics close the physics trigger in every run of <paramref name="request"/>, with
    /// the first run's reason.</summary>
    internal static IReadOnlyDictionary<string, string> TriggerClosedSources(PseudoDataRequest request)
    {
        var closed = new Dictionary<string, string>(StringComparer.Ordinal);
        DetectorModel[] models = [.. request.Runs.Select(r => new DetectorModel(r.Card, RunGenerator.RunSeed(request.Seed, r.Number)))];
        foreach (IBackgroundSource source in request.Sources)
        {
            string?[] reasons = [.. models.Select(source.TriggerClosedReason)];
            if (reasons.Length > 0 && reasons.All(r => r is not null)) closed[source.Name] = reasons[0]!;
        }
        return closed;
    }

    private static void WriteRun(RunOutput output, PseudoDataRequest request, string dir, CancellationToken ct)
    {
        SetupCard card = output.Run.Card;
        var spills = new StringBuilder(request.Provenance.ToCommentBlock());
        spills.Append(Invariant($"# run {output.Run.Name}: {card.Beam.ParticlesPerSpill:G3} particles per {card.Beam.SpillLengthS} s spill, dead time {card.Daq.DeadTimeUs} µs per trigger (non-paralysable), reference prescale {card.Daq.ReferencePrescale:G3}\n"));
        spills.Append("run,spill,beam_particles,physics_triggers,live_fraction\n");
        foreach (SpillRecord s in output.Spills)
            spills.Append(Invariant($"{output.Run.Name},{s.Spill},{s.BeamParticles},{s.PhysicsTriggers},{s.LiveFraction:R}\n"));
        AtomicFile.WriteText(Path.Combine(dir, output.Run.Name + "-spills.csv"), spills.ToString());

        Provenance prov = request.Provenance.WithNotes(
            $"pseudo-data run {output.Run.Name} (run number {output.Run.Number}), set-up {card.Name}",
            "recorded: physics triggers passing the loose SRD skim (daq.skimSrdMinMeV, daq.skimSrdWindowNs) and prescaled reference events (trigger bit 16), after dead time",
            output.Tallies.Any(t => t.Weight != 1)
                ? Invariant($"weighted sources (above {RunGenerator.MaxEventsPerSource} simulated events per run; each event of such a source carries weight count/simulated in the weight column): {string.Join(", ", output.Tallies.Where(t => t.Weight != 1).Select(t => t.Source))}; all other events have weight 1")
                : "unweighted: every event has weight 1 (sources are sampled without bias at their physical rates)",
            "true_process holds each event's source; a blind analysis must not read it");
        string json = SetupCardJson.Serialize(card);
        EventStoreWriter w = EventStoreWriter.CreateAsync(Path.Combine(dir, output.Run.Name + ".parquet"), card.Ecal.CellsX, card.Ecal.CellsY,
                                                          card.Hcal.Modules, prov, json, ct).GetAwaiter().GetResult();
        try
        {
            foreach (var b in output.Batches) w.WriteAsync(b, ct).GetAwaiter().GetResult();
            w.CompleteAsync().GetAwaiter().GetResult();
        }
        finally
        {
            w.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>The sealed record of an injected signal: its parameters and, per run, the expected and drawn events.</summary>
    private static string InjectionCsv(PseudoDataRequest request, SignalInjection inj, IReadOnlyList<RunSummary> runs)
    {
        var sb = new StringBuilder(request.Provenance.ToCommentBlock());
        sb.Append("# SEALED: injected A' signal; a blind analysis must not read this file\n");
        sb.Append("# expected_events = true_eot x yield_per_eot_eps1 x eps^2; generated ~ Poisson(expected); physics_triggered/skimmed/recorded of those (recorded = written to RUN.parquet with true_process ")
          .Append((int)Emiss.Events.TrueProcess.DarkPhotonSignal).Append(")\n");
        sb.Append("run,mass_MeV,epsilon,yield_model,yield_per_eot_eps1,true_eot,expected_events,generated,physics_triggered,skimmed,recorded\n");
        foreach (RunSummary r in runs)
            foreach (SourceTally t in r.Tallies.Where(t => t.Source == SignalInjection.SourceName))
                sb.Append(Invariant($"{r.Run},{inj.MassMeV:R},{inj.Epsilon:R},{inj.YieldModel},{inj.YieldPerEotAtEps1:R},{r.ElectronsOnTarget:R},{t.ExpectedEvents:R},{t.Generated},{t.PhysicsTriggered},{t.Skimmed},{t.Recorded}\n"));
        return sb.ToString();
    }

    /// <summary>SHA-256 (hex) of everything that decides a campaign's bits: commit, seed, estimate size, injection, sources,
    /// runs and their set-ups (not the thread count). Shards of one campaign record it, so shards of another
    /// injection, whose command lines read alike once sealed, are told apart without naming the signal.</summary>
    public static string Fingerprint(PseudoDataRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var sb = new StringBuilder();
        sb.Append(BuildInfo.GitCommit).Append('|').Append(r.Seed).Append('|').Append(r.EstimateEventsPerSource).Append('|');
        sb.Append(r.Injection?.Describe() ?? "no signal").Append('|');
        foreach (var s in r.Sources) sb.Append(s.Name).Append(',');
        foreach (var run in r.Runs) sb.Append(Invariant($"|{run.Name}:{run.Number}:{run.ElectronsOnTarget:R}:")).Append(SetupCardJson.Serialize(run.Card));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

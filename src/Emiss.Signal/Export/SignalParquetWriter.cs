using System.Globalization;
using Emiss.Core.IO;
using Emiss.Shower;
using Emiss.Signal.Biasing;
using Emiss.Signal.Run;
using Parquet;
using Parquet.Schema;

namespace Emiss.Signal.Export;

/// <summary>
/// Writes the signal sample (one row per simulated electron whose shower emitted an A′ above E_cut) as Parquet.
/// Columns: event_index (int64: the RNG event index, increasing, in [first_event, first_event + simulated_electrons);
/// electrons without an emission have no row), process (int32: 1 = A′-strahlung, 2 = resonant annihilation),
/// emitter_pdg (±11), emitter_is_primary (bool), emitter_energy_gev, aprime_energy_gev (= E_miss), x, slab (int32),
/// weight_per_eot_eps1 (w/ε²: Σ/N = n_A′ per EOT at ε = 1), leaked_gev; in detector mode also
/// {section}_active_gev and {section}_total_gev for every section and {section}_cell_{i:00}_gev (active energy per
/// cell) for the sections in <c>cellSections</c>. Key-value metadata (<see cref="Metadata"/>): the provenance plus
/// the run's model, mass, ε, bias, E_cut, mode and geometry, and two numbers, each with its definition, each written
/// from the one value the run computed:
/// <list type="bullet">
/// <item><c>emiss.signal.yield_per_eot_eps1</c> ± <c>emiss.signal.yield_stat_err</c>: the signal yield of the
/// <em>yield pass</em> (track-length estimator; the <c>n_per_eot_eps1</c> and <c>stat_err</c> of yield.csv), with
/// that pass's electrons, first event, bias and geometry under <c>emiss.signal.yield_pass.*</c>;</item>
/// <item><c>emiss.signal.weighted_emissions_per_eot_eps1</c> ± <c>…_stat_err</c>: Σ weight_per_eot_eps1 over this
/// file's rows / <c>emiss.signal.simulated_electrons</c> (the <c>weighted_emissions</c> of yield.csv when this
/// sample is the biased yield-mode pass).</item>
/// </list>
/// </summary>
public static class SignalParquetWriter
{
    /// <summary>Process code of A′-strahlung rows.</summary>
    public const int ProcessBremsstrahlung = 1;

    /// <summary>Process code of resonant-annihilation rows.</summary>
    public const int ProcessAnnihilation = 2;

    /// <summary>Writes <paramref name="result"/>.Kept to <paramref name="output"/>.</summary>
    /// <param name="output">Destination stream.</param>
    /// <param name="result">The pass whose kept events are the rows (biased yield-mode or detector-mode).</param>
    /// <param name="yieldPass">The pass whose track-length estimator is the reported yield (the yield.csv row).</param>
    /// <param name="provenance">Provenance of the command.</param>
    /// <param name="cellSections">Sections whose per-cell energies become columns (detector mode).</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task WriteAsync(Stream output, SignalRunResult result, SignalRunResult yieldPass, Provenance provenance,
        IReadOnlyCollection<string>? cellSections = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(yieldPass);
        ArgumentNullException.ThrowIfNull(provenance);
        CheckRows(result);
        cellSections ??= ["preshower", "ecal"];
        IReadOnlyList<SignalEvent> ev = result.Kept;
        int n = ev.Count;
        bool detector = result.Mode == SignalMode.Detector;
        var fields = new List<(DataField Field, Func<SignalEvent, double>? D)>();
        var fIndex = new DataField<long>("event_index");
        var fProc = new DataField<int>("process");
        var fPdg = new DataField<int>("emitter_pdg");
        var fPrim = new DataField<bool>("emitter_is_primary");
        var fSlab = new DataField<int>("slab");
        void D(string name, Func<SignalEvent, double> f) => fields.Add((new DataField<double>(name), f));
        D("emitter_energy_gev", e => e.Emission.EmitterEnergyGeV);
        D("aprime_energy_gev", e => e.Emission.APrimeEnergyGeV);
        D("x", e => e.Emission.X);
        D("weight_per_eot_eps1", e => e.WeightPerEotEps1);
        D("leaked_gev", e => e.LeakedGeV);
        if (detector)
        {
            for (int s = 0; s < result.SectionNames.Count; s++)
            {
                int ss = s;
                D($"{result.SectionNames[s]}_active_gev", e => e.SectionActiveGeV[ss]);
                D($"{result.SectionNames[s]}_total_gev", e => e.SectionTotalGeV[ss]);
            }
            for (int s = 0; s < result.SectionNames.Count; s++)
            {
                if (!cellSections.Contains(result.SectionNames[s])) continue;
                for (int c = 0; c < result.CellsPerSection; c++)
                {
                    int k = s * result.CellsPerSection + c;
                    D(string.Create(CultureInfo.InvariantCulture, $"{result.SectionNames[s]}_cell_{c:00}_gev"), e => e.CellActiveGeV[k]);
                }
            }
        }
        var schema = new ParquetSchema([fIndex, fProc, fPdg, fPrim, fSlab, .. fields.Select(f => f.Field)]);
        await using ParquetWriter w = await ParquetWriter.CreateAsync(schema, output, cancellationToken: ct).ConfigureAwait(false);
        w.CustomMetadata = Metadata(result, yieldPass, provenance);
        using ParquetRowGroupWriter rg = w.CreateRowGroup();
        await rg.WriteAsync<long>(fIndex, ev.Select(e => e.EventIndex).ToArray(), cancellationToken: ct).ConfigureAwait(false);
        await rg.WriteAsync<int>(fProc, ev.Select(e => e.Emission.Kind == EmissionKind.Bremsstrahlung ? ProcessBremsstrahlung : ProcessAnnihilation).ToArray(), cancellationToken: ct).ConfigureAwait(false);
        await rg.WriteAsync<int>(fPdg, ev.Select(e => e.Emission.Emitter == ShowerSpecies.Positron ? -11 : 11).ToArray(), cancellationToken: ct).ConfigureAwait(false);
        await rg.WriteAsync<bool>(fPrim, ev.Select(e => e.Emission.EmitterIsPrimary).ToArray(), cancellationToken: ct).ConfigureAwait(false);
        await rg.WriteAsync<int>(fSlab, ev.Select(e => e.Emission.Slab).ToArray(), cancellationToken: ct).ConfigureAwait(false);
        var buf = new double[n];
        foreach ((DataField field, Func<SignalEvent, double>? get) in fields)
        {
            for (int i = 0; i < n; i++) buf[i] = get!(ev[i]);
            await rg.WriteAsync<double>((DataField<double>)field, buf.ToArray(), cancellationToken: ct).ConfigureAwait(false);
        }
        rg.CompleteValidate();
    }

    /// <summary>The key-value metadata written with the sample (see the class summary).</summary>
    public static Dictionary<string, string> Metadata(SignalRunResult result, SignalRunResult yieldPass, Provenance provenance)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(yieldPass);
        ArgumentNullException.ThrowIfNull(provenance);
        if (yieldPass.MassGeV != result.MassGeV || yieldPass.ModelName != result.ModelName || yieldPass.CutGeV != result.CutGeV)
            throw new ArgumentException("the yield pass must be of the same model, mass and E_cut as the sample", nameof(yieldPass));
        var d = provenance.ToKeyValues().ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        static string G(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        static string L(long v) => v.ToString(CultureInfo.InvariantCulture);
        d["emiss.signal.model"] = result.ModelName;
        d["emiss.signal.model_description"] = result.ModelDescription;
        d["emiss.signal.mass_gev"] = G(result.MassGeV);
        d["emiss.signal.beam_gev"] = G(result.BeamGeV);
        d["emiss.signal.cut_gev"] = G(result.CutGeV);
        d["emiss.signal.epsilon"] = G(result.Epsilon);
        d["emiss.signal.bias_factor"] = G(result.BiasFactor);
        d["emiss.signal.annihilation_bias_factor"] = G(result.AnnihilationBiasFactor);
        d["emiss.signal.mode"] = result.Mode.ToString();
        d["emiss.signal.resonant_annihilation"] = result.ResonantAnnihilation ? "true" : "false";
        d["emiss.signal.geometry"] = result.GeometryName;
        d["emiss.signal.simulated_electrons"] = L(result.Events);
        d["emiss.signal.first_event"] = L(result.FirstEvent);
        d["emiss.signal.rows"] = L(result.Kept.Count);
        d["emiss.signal.rows_definition"] =
            "one row per simulated electron whose shower emitted an A' with E_A' > E_cut; event_index = RNG event index " +
            "(stream Signal of emiss.seed), increasing, in [first_event, first_event + simulated_electrons); electrons without an emission have no row";
        d["emiss.signal.weighted_emissions_per_eot_eps1"] = G(result.EmissionsTotal.Value);
        d["emiss.signal.weighted_emissions_stat_err"] = G(result.EmissionsTotal.StatError);
        d["emiss.signal.weighted_emissions_definition"] =
            "sum of weight_per_eot_eps1 over all signal events of this pass (the rows of its Parquet sample) / simulated_electrons, " +
            "with the standard error of that mean over the simulated electrons " +
            "(weighted count of the biased emissions of this pass, docs/physics/aprime-emission.md#yield-estimator); yield.csv weighted_emissions when mode = Yield";
        d["emiss.signal.yield_per_eot_eps1"] = G(yieldPass.Estimator.Value);
        d["emiss.signal.yield_stat_err"] = G(yieldPass.Estimator.StatError);
        d["emiss.signal.yield_definition"] =
            "track-length estimator: mean over the yield pass's electrons of sum over e+- steps of n sigma(E; x E > E_cut) times the " +
            "likelihood-weighted step length, A'-strahlung plus resonant annihilation when on, at eps = 1 (docs/physics/aprime-emission.md#biasing-and-weights), with its standard error; " +
            "yield.csv n_per_eot_eps1 and stat_err";
        d["emiss.signal.yield_pass.simulated_electrons"] = L(yieldPass.Events);
        d["emiss.signal.yield_pass.first_event"] = L(yieldPass.FirstEvent);
        d["emiss.signal.yield_pass.bias_factor"] = G(yieldPass.BiasFactor);
        d["emiss.signal.yield_pass.mode"] = yieldPass.Mode.ToString();
        d["emiss.signal.yield_pass.geometry"] = yieldPass.GeometryName;
        return d;
    }

    /// <summary>The rows must be the run's own events: inside its index range, increasing, one per emission.</summary>
    private static void CheckRows(SignalRunResult r)
    {
        long end = r.FirstEvent + r.Events, previous = long.MinValue;
        foreach (SignalEvent e in r.Kept)
        {
            if (e.EventIndex < r.FirstEvent || e.EventIndex >= end || e.EventIndex <= previous)
                throw new ArgumentException($"kept event {e.EventIndex} is outside [{r.FirstEvent}, {end}) or out of order", nameof(r));
            previous = e.EventIndex;
        }
        if (r.Kept.Count != r.Emissions)
            throw new ArgumentException($"the run kept {r.Kept.Count} of its {r.Emissions} emissions (run with KeepEvents)", nameof(r));
    }
}

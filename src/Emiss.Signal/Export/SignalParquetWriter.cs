using System.Globalization;
using Emiss.Core.IO;
using Emiss.Shower;
using Emiss.Signal.Biasing;
using Emiss.Signal.Run;
using Parquet;
using Parquet.Schema;

namespace Emiss.Signal.Export;

/// <summary>
/// Writes the signal sample (one row per event with an A′) as Parquet. Columns: event_index (int64), process
/// (int32: 1 = A′-strahlung, 2 = resonant annihilation), emitter_pdg (±11), emitter_is_primary (bool),
/// emitter_energy_gev, aprime_energy_gev (= E_miss), x, slab (int32), weight_per_eot_eps1 (w/ε²: Σ/N_EOT = n_A′ at
/// ε = 1), leaked_gev; in detector mode also {section}_active_gev and {section}_total_gev for every section and
/// {section}_cell_{i:00}_gev (active energy per cell) for the sections in <c>cellSections</c>. Key-value metadata:
/// the provenance (card, seed, version, commit, RNG scheme, notes) plus the run's model, mass, ε, bias factor,
/// E_cut, mode, geometry and the number of simulated electrons.
/// </summary>
public static class SignalParquetWriter
{
    /// <summary>Process code of A′-strahlung rows.</summary>
    public const int ProcessBremsstrahlung = 1;

    /// <summary>Process code of resonant-annihilation rows.</summary>
    public const int ProcessAnnihilation = 2;

    /// <summary>Writes <paramref name="result"/>.Kept to <paramref name="output"/>.</summary>
    public static async Task WriteAsync(Stream output, SignalRunResult result, Provenance provenance,
        IReadOnlyCollection<string>? cellSections = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(provenance);
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
        w.CustomMetadata = Metadata(result, provenance);
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

    /// <summary>The key-value metadata written with the sample.</summary>
    public static Dictionary<string, string> Metadata(SignalRunResult result, Provenance provenance)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(provenance);
        var d = provenance.ToKeyValues().ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        string G(double v) => v.ToString("R", CultureInfo.InvariantCulture);
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
        d["emiss.signal.simulated_electrons"] = result.Events.ToString(CultureInfo.InvariantCulture);
        d["emiss.signal.yield_per_eot_eps1"] = G(result.Estimator.Value);
        d["emiss.signal.yield_stat_err"] = G(result.Estimator.StatError);
        return d;
    }
}

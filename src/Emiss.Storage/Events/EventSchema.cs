using System.Globalization;
using Parquet.Schema;

namespace Emiss.Storage.Events;

/// <summary>
/// The Parquet event-store schema, version <see cref="Version"/> (identifier <see cref="Identifier"/> in the file
/// key-value metadata under <see cref="SchemaKey"/>). One row per simulated event, columns in this order:
/// <list type="table">
/// <item><term>run</term><description>int32 run number</description></item>
/// <item><term>event</term><description>int64 event index (RNG stream index; rows are in event order)</description></item>
/// <item><term>weight</term><description>double event weight</description></item>
/// <item><term>true_process</term><description>int32 <c>Emiss.Events.TrueProcess</c> code (names in metadata <c>emiss.true_process_codes</c>)</description></item>
/// <item><term>true_pdg</term><description>int32 PDG code of the beam particle</description></item>
/// <item><term>true_energy_gev, true_upstream_brem_gev, true_sr_gev</term><description>double truth: beam energy, upstream bremsstrahlung and synchrotron losses</description></item>
/// <item><term>n_pileup</term><description>int32 pile-up particles within the widest gate</description></item>
/// <item><term>track_ok, track_p_gev, track_theta_mrad</term><description>bool, double?, double?: spectrometer momentum (signed by the bend:
/// negative for a positive particle) and incoming angle; <b>null</b> when track_ok is false (fewer than four tracker stations hit)</description></item>
/// <item><term>srd_energy_mev, srd_time_ns</term><description>double SRD energy and time</description></item>
/// <item><term>ecal_energy_gev, ecal_preshower_gev, ecal_time_ns, ecal_max_cell</term><description>ECAL totals (double) and hottest cell index (int32, ix + nx·iy)</description></item>
/// <item><term>ecal_cell_{ix}_{iy}_gev</term><description>float per-cell energy (preshower + main), nx·ny columns</description></item>
/// <item><term>v2_energy_mev</term><description>double V2 veto energy</description></item>
/// <item><term>hcal_module_{k}_gev</term><description>double HCAL module k = 1…n energy (hadron scale)</description></item>
/// <item><term>hcal_energy_gev, hcal_time_ns</term><description>double E_HCAL (modules 1 + 2, seed) and time</description></item>
/// <item><term>muon_hits</term><description>int32 bit k−1 set if MUk fired</description></item>
/// <item><term>trigger_ecal_sum_gev, trigger_bits</term><description>double analog trigger sum; int32 <c>TriggerBits</c></description></item>
/// <item><term>spill</term><description>int32 SPS spill number within the run (0 for samples without a spill structure)</description></item>
/// </list>
/// <para><b>Absent measurements are null, never NaN</b> (so that <c>avg()</c>, <c>sum()</c> in DuckDB, pandas or Arrow skip
/// them): the nullable (Parquet OPTIONAL) columns are <see cref="NullableColumns"/>; every other column is REQUIRED and the
/// writer refuses a NaN in it. In memory (<c>EventBatch</c>) an absent value is NaN; the writer and reader convert.</para>
/// <para><b>Negative values after noise</b> (<see cref="SignedColumns"/>): readout channels are pedestal-subtracted, so a
/// channel with little or no signal reads its electronic noise, a zero-mean Gaussian (plus, for photo-detectors, the
/// zero-mean photo-electron fluctuation), and can be below zero. The sign is kept, not clipped: clipping at zero would
/// bias every sum over channels upwards by σ_noise/√(2π) ≈ 0.4 σ_noise per empty channel (the mean of max(0, X)
/// for zero-mean Gaussian X). So ecal_cell_*_gev, ecal_energy_gev, ecal_preshower_gev, hcal_module_*_gev,
/// hcal_energy_gev, v2_energy_mev and srd_energy_mev can be negative; trigger_ecal_sum_gev only for a resolution
/// fluctuation below −100 %; times are relative to the trigger particle and take either sign; track_p_gev is signed
/// by the bend direction. Non-negative by construction: weight, true_*, n_pileup, track_theta_mrad, muon_hits, codes and bits.</para>
/// Metadata keys: the <c>Emiss.Core.IO.Provenance</c> pairs (<c>emiss.version</c>, <c>emiss.git_commit</c>,
/// <c>emiss.command</c>, <c>emiss.seed</c>, <c>emiss.rng_scheme</c>, <c>emiss.run_card</c>) plus
/// <c>emiss.schema</c>, <c>emiss.setup_card</c> (resolved JSON), <c>emiss.ecal_cells_x</c>, <c>emiss.ecal_cells_y</c>,
/// <c>emiss.hcal_modules</c>, <c>emiss.true_process_codes</c>, <c>emiss.trigger_bit_names</c>, <c>emiss.nullable_columns</c>,
/// <c>emiss.signed_columns</c> (the two lists above, for readers that never see this comment). Version history: 1 = absent
/// track as NaN in REQUIRED columns; 2 = absent track as null (OPTIONAL columns); 3 = adds <c>spill</c>, the background-source codes
/// of <c>true_process</c> (20 and up) and the reference-trigger bit. Readers accept only <see cref="Identifier"/>.
/// </summary>
public sealed class EventSchema
{
    /// <summary>Schema version.</summary>
    public const int Version = 3;

    /// <summary>Schema identifier stored in the metadata.</summary>
    public const string Identifier = "emiss-events/3";

    /// <summary>Columns that are null where the measurement is absent (with the condition).</summary>
    public const string NullableColumns = "track_p_gev,track_theta_mrad: null when track_ok is false (fewer than four tracker stations hit)";

    /// <summary>Columns that can be negative, and why.</summary>
    public const string SignedColumns =
        "ecal_cell_*_gev,ecal_energy_gev,ecal_preshower_gev,hcal_module_*_gev,hcal_energy_gev,v2_energy_mev,srd_energy_mev,trigger_ecal_sum_gev: " +
        "pedestal-subtracted readout, zero-mean noise kept with its sign so that sums stay unbiased; " +
        "ecal_time_ns,srd_time_ns,hcal_time_ns: relative to the trigger particle; track_p_gev: signed by the bend (negative for a positive particle)";

    /// <summary>Metadata key of the schema identifier.</summary>
    public const string SchemaKey = "emiss.schema";

    /// <summary>Builds the schema for an ECAL of <paramref name="cellsX"/> × <paramref name="cellsY"/> cells and
    /// <paramref name="hcalModules"/> HCAL modules.</summary>
    public EventSchema(int cellsX, int cellsY, int hcalModules)
    {
        CellsX = cellsX;
        CellsY = cellsY;
        HcalModules = hcalModules;
        EcalCells = [.. Enumerable.Range(0, cellsX * cellsY).Select(i => new DataField<float>(string.Create(CultureInfo.InvariantCulture, $"ecal_cell_{i % cellsX}_{i / cellsX}_gev")))];
        HcalModuleFields = [.. Enumerable.Range(1, hcalModules).Select(k => new DataField<double>(string.Create(CultureInfo.InvariantCulture, $"hcal_module_{k}_gev")))];
        var fields = new List<Field>
        {
            Run, Event, Weight, TrueProcess, TruePdg, TrueEnergy, TrueBrem, TrueSr, PileUp, TrackOk, TrackP, TrackTheta,
            SrdEnergy, SrdTime, EcalEnergy, EcalPreshower, EcalTime, EcalMaxCell,
        };
        fields.AddRange(EcalCells);
        fields.Add(V2Energy);
        fields.AddRange(HcalModuleFields);
        fields.AddRange([HcalEnergy, HcalTime, MuonHits, TriggerSum, TriggerBits, Spill]);
        Parquet = new ParquetSchema(fields);
    }

    /// <summary>ECAL cells along x.</summary>
    public int CellsX { get; }

    /// <summary>ECAL cells along y.</summary>
    public int CellsY { get; }

    /// <summary>HCAL modules.</summary>
    public int HcalModules { get; }

    /// <summary>The Parquet schema.</summary>
    public ParquetSchema Parquet { get; }

    /// <summary>Column <c>run</c>.</summary>
    public DataField<int> Run { get; } = new("run");
    /// <summary>Column <c>event</c>.</summary>
    public DataField<long> Event { get; } = new("event");
    /// <summary>Column <c>weight</c>.</summary>
    public DataField<double> Weight { get; } = new("weight");
    /// <summary>Column <c>true_process</c>.</summary>
    public DataField<int> TrueProcess { get; } = new("true_process");
    /// <summary>Column <c>true_pdg</c>.</summary>
    public DataField<int> TruePdg { get; } = new("true_pdg");
    /// <summary>Column <c>true_energy_gev</c>.</summary>
    public DataField<double> TrueEnergy { get; } = new("true_energy_gev");
    /// <summary>Column <c>true_upstream_brem_gev</c>.</summary>
    public DataField<double> TrueBrem { get; } = new("true_upstream_brem_gev");
    /// <summary>Column <c>true_sr_gev</c>.</summary>
    public DataField<double> TrueSr { get; } = new("true_sr_gev");
    /// <summary>Column <c>n_pileup</c>.</summary>
    public DataField<int> PileUp { get; } = new("n_pileup");
    /// <summary>Column <c>track_ok</c>.</summary>
    public DataField<bool> TrackOk { get; } = new("track_ok");
    /// <summary>Column <c>track_p_gev</c> (nullable).</summary>
    public DataField<double?> TrackP { get; } = new("track_p_gev");
    /// <summary>Column <c>track_theta_mrad</c> (nullable).</summary>
    public DataField<double?> TrackTheta { get; } = new("track_theta_mrad");
    /// <summary>Column <c>srd_energy_mev</c>.</summary>
    public DataField<double> SrdEnergy { get; } = new("srd_energy_mev");
    /// <summary>Column <c>srd_time_ns</c>.</summary>
    public DataField<double> SrdTime { get; } = new("srd_time_ns");
    /// <summary>Column <c>ecal_energy_gev</c>.</summary>
    public DataField<double> EcalEnergy { get; } = new("ecal_energy_gev");
    /// <summary>Column <c>ecal_preshower_gev</c>.</summary>
    public DataField<double> EcalPreshower { get; } = new("ecal_preshower_gev");
    /// <summary>Column <c>ecal_time_ns</c>.</summary>
    public DataField<double> EcalTime { get; } = new("ecal_time_ns");
    /// <summary>Column <c>ecal_max_cell</c>.</summary>
    public DataField<int> EcalMaxCell { get; } = new("ecal_max_cell");
    /// <summary>Columns <c>ecal_cell_{ix}_{iy}_gev</c>, index ix + nx·iy.</summary>
    public IReadOnlyList<DataField<float>> EcalCells { get; }
    /// <summary>Column <c>v2_energy_mev</c>.</summary>
    public DataField<double> V2Energy { get; } = new("v2_energy_mev");
    /// <summary>Columns <c>hcal_module_{k}_gev</c>, k = 1…n.</summary>
    public IReadOnlyList<DataField<double>> HcalModuleFields { get; }
    /// <summary>Column <c>hcal_energy_gev</c>.</summary>
    public DataField<double> HcalEnergy { get; } = new("hcal_energy_gev");
    /// <summary>Column <c>hcal_time_ns</c>.</summary>
    public DataField<double> HcalTime { get; } = new("hcal_time_ns");
    /// <summary>Column <c>muon_hits</c>.</summary>
    public DataField<int> MuonHits { get; } = new("muon_hits");
    /// <summary>Column <c>trigger_ecal_sum_gev</c>.</summary>
    public DataField<double> TriggerSum { get; } = new("trigger_ecal_sum_gev");
    /// <summary>Column <c>trigger_bits</c>.</summary>
    public DataField<int> TriggerBits { get; } = new("trigger_bits");
    /// <summary>Column <c>spill</c>.</summary>
    public DataField<int> Spill { get; } = new("spill");
}

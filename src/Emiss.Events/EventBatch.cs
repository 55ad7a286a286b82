namespace Emiss.Events;

/// <summary>
/// Reconstructed events as a struct of arrays (the event-store schema, version <see cref="SchemaVersion"/>; one
/// row per triggered or untriggered beam event). Units are in the column names of the store: GeV for
/// calorimeter energies and momenta, MeV for SRD/V2/muon-counter energies, ns for times, mrad for angles.
/// Per-cell ECAL energies are stored flat (<see cref="EcalCellGeV"/>[row·cells + ix + cellsX·iy]), likewise the
/// HCAL modules. A batch is filled in event order and reused after <see cref="Clear"/>.
/// </summary>
public sealed class EventBatch
{
    /// <summary>Event-store schema version written with every file.</summary>
    public const int SchemaVersion = 3;

    /// <summary>Allocates a batch of <paramref name="capacity"/> rows.</summary>
    public EventBatch(int capacity, int ecalCells, int hcalModules)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        EcalCells = ecalCells;
        HcalModules = hcalModules;
        Run = new int[capacity];
        Event = new long[capacity];
        Weight = new double[capacity];
        TrueProcessCode = new int[capacity];
        TruePdg = new int[capacity];
        TrueEnergyGeV = new double[capacity];
        TrueUpstreamBremGeV = new double[capacity];
        TrueSrGeV = new double[capacity];
        PileUpCount = new int[capacity];
        TrackOk = new bool[capacity];
        TrackMomentumGeV = new double[capacity];
        TrackThetaMrad = new double[capacity];
        SrdEnergyMeV = new double[capacity];
        SrdTimeNs = new double[capacity];
        EcalEnergyGeV = new double[capacity];
        EcalPreshowerGeV = new double[capacity];
        EcalTimeNs = new double[capacity];
        EcalMaxCell = new int[capacity];
        EcalCellGeV = new float[capacity * ecalCells];
        V2EnergyMeV = new double[capacity];
        HcalModuleGeV = new double[capacity * hcalModules];
        HcalEnergyGeV = new double[capacity];
        HcalTimeNs = new double[capacity];
        MuonHits = new int[capacity];
        TriggerEcalSumGeV = new double[capacity];
        Trigger = new int[capacity];
        Spill = new int[capacity];
    }

    /// <summary>Rows allocated.</summary>
    public int Capacity { get; }

    /// <summary>Rows filled.</summary>
    public int Count { get; set; }

    /// <summary>ECAL cells per row.</summary>
    public int EcalCells { get; }

    /// <summary>HCAL modules per row.</summary>
    public int HcalModules { get; }

    /// <summary>Run number.</summary>
    public int[] Run { get; }

    /// <summary>Event index within the run (also the RNG stream index).</summary>
    public long[] Event { get; }

    /// <summary>Event weight (1 for unbiased beam events).</summary>
    public double[] Weight { get; }

    /// <summary>True process, <see cref="TrueProcess"/> code.</summary>
    public int[] TrueProcessCode { get; }

    /// <summary>PDG code of the beam particle.</summary>
    public int[] TruePdg { get; }

    /// <summary>True beam-particle energy at S1, GeV.</summary>
    public double[] TrueEnergyGeV { get; }

    /// <summary>True energy radiated as bremsstrahlung in upstream material, GeV.</summary>
    public double[] TrueUpstreamBremGeV { get; }

    /// <summary>True synchrotron energy radiated in the dipoles, GeV.</summary>
    public double[] TrueSrGeV { get; }

    /// <summary>Number of pile-up beam particles inside the widest gate.</summary>
    public int[] PileUpCount { get; }

    /// <summary>True if all four tracker stations had hits.</summary>
    public bool[] TrackOk { get; }

    /// <summary>Reconstructed momentum, GeV (NaN without a track).</summary>
    public double[] TrackMomentumGeV { get; }

    /// <summary>Reconstructed incoming angle to the beam axis (T1–T2), mrad (NaN without a track).</summary>
    public double[] TrackThetaMrad { get; }

    /// <summary>SRD energy, MeV.</summary>
    public double[] SrdEnergyMeV { get; }

    /// <summary>SRD time relative to the trigger particle, ns.</summary>
    public double[] SrdTimeNs { get; }

    /// <summary>ECAL energy (all cells, preshower + main), GeV.</summary>
    public double[] EcalEnergyGeV { get; }

    /// <summary>ECAL preshower energy, GeV.</summary>
    public double[] EcalPreshowerGeV { get; }

    /// <summary>ECAL time, ns.</summary>
    public double[] EcalTimeNs { get; }

    /// <summary>Index of the most energetic ECAL cell.</summary>
    public int[] EcalMaxCell { get; }

    /// <summary>ECAL energy per cell (preshower + main), GeV, flat.</summary>
    public float[] EcalCellGeV { get; }

    /// <summary>V2 energy, MeV.</summary>
    public double[] V2EnergyMeV { get; }

    /// <summary>HCAL module energies (hadron scale), GeV, flat.</summary>
    public double[] HcalModuleGeV { get; }

    /// <summary>E_HCAL: sum of the first two modules (seed), GeV.</summary>
    public double[] HcalEnergyGeV { get; }

    /// <summary>HCAL time, ns.</summary>
    public double[] HcalTimeNs { get; }

    /// <summary>Muon counters above threshold, bit k = MU(k+1).</summary>
    public int[] MuonHits { get; }

    /// <summary>Analog in-time ECAL sum seen by the trigger, GeV.</summary>
    public double[] TriggerEcalSumGeV { get; }

    /// <summary><see cref="TriggerBits"/> of the event.</summary>
    public int[] Trigger { get; }

    /// <summary>SPS spill number within the run (0 without a spill structure).</summary>
    public int[] Spill { get; }

    /// <summary>Empties the batch (arrays are overwritten by later rows).</summary>
    public void Clear() => Count = 0;

    /// <summary>Appends row <paramref name="row"/> of <paramref name="source"/> (same layout) to this batch.</summary>
    public void AppendRow(EventBatch source, int row)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.EcalCells != EcalCells || source.HcalModules != HcalModules) throw new ArgumentException("batches differ in layout", nameof(source));
        if (Count >= Capacity) throw new InvalidOperationException("event batch is full");
        int d = Count++;
        Run[d] = source.Run[row];
        Event[d] = source.Event[row];
        Weight[d] = source.Weight[row];
        TrueProcessCode[d] = source.TrueProcessCode[row];
        TruePdg[d] = source.TruePdg[row];
        TrueEnergyGeV[d] = source.TrueEnergyGeV[row];
        TrueUpstreamBremGeV[d] = source.TrueUpstreamBremGeV[row];
        TrueSrGeV[d] = source.TrueSrGeV[row];
        PileUpCount[d] = source.PileUpCount[row];
        TrackOk[d] = source.TrackOk[row];
        TrackMomentumGeV[d] = source.TrackMomentumGeV[row];
        TrackThetaMrad[d] = source.TrackThetaMrad[row];
        SrdEnergyMeV[d] = source.SrdEnergyMeV[row];
        SrdTimeNs[d] = source.SrdTimeNs[row];
        EcalEnergyGeV[d] = source.EcalEnergyGeV[row];
        EcalPreshowerGeV[d] = source.EcalPreshowerGeV[row];
        EcalTimeNs[d] = source.EcalTimeNs[row];
        EcalMaxCell[d] = source.EcalMaxCell[row];
        Array.Copy(source.EcalCellGeV, row * EcalCells, EcalCellGeV, d * EcalCells, EcalCells);
        V2EnergyMeV[d] = source.V2EnergyMeV[row];
        Array.Copy(source.HcalModuleGeV, row * HcalModules, HcalModuleGeV, d * HcalModules, HcalModules);
        HcalEnergyGeV[d] = source.HcalEnergyGeV[row];
        HcalTimeNs[d] = source.HcalTimeNs[row];
        MuonHits[d] = source.MuonHits[row];
        TriggerEcalSumGeV[d] = source.TriggerEcalSumGeV[row];
        Trigger[d] = source.Trigger[row];
        Spill[d] = source.Spill[row];
    }
}

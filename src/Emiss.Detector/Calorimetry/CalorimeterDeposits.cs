namespace Emiss.Detector.Calorimetry;

/// <summary>
/// Signals of the calorimeter system before digitization: ECAL cells (preshower and main, EM-calibrated GeV,
/// including sampling fluctuations), V2 (MeV deposited), HCAL modules (EM-scale GeV; the hadron calibration is
/// applied by digitization) and muon counters (MeV deposited). A reusable buffer: one per worker.
/// </summary>
public sealed class CalorimeterDeposits
{
    /// <summary>Creates an empty buffer.</summary>
    public CalorimeterDeposits(int ecalCells, int hcalModules)
    {
        EcalPreshowerGeV = new double[ecalCells];
        EcalMainGeV = new double[ecalCells];
        HcalGeV = new double[hcalModules];
        MuonMeV = new double[hcalModules];
    }

    /// <summary>The worker's memo of the last lateral cell fractions (<see cref="LateralFractionMemo"/>).</summary>
    internal LateralFractionMemo LateralMemo { get; } = new();

    /// <summary>ECAL preshower signal per cell (index ix + CellsX·iy), GeV.</summary>
    public double[] EcalPreshowerGeV { get; }

    /// <summary>ECAL main-section signal per cell, GeV.</summary>
    public double[] EcalMainGeV { get; }

    /// <summary>V2 deposit, MeV.</summary>
    public double V2MeV { get; set; }

    /// <summary>HCAL module signals, EM-scale GeV.</summary>
    public double[] HcalGeV { get; }

    /// <summary>Muon-counter deposits, MeV.</summary>
    public double[] MuonMeV { get; }

    /// <summary>Energy that left the system (lateral or longitudinal leakage, punch-through), GeV (bookkeeping only).</summary>
    public double EscapedGeV { get; set; }

    /// <summary>Total ECAL signal, GeV.</summary>
    public double EcalTotalGeV()
    {
        double s = 0;
        for (int i = 0; i < EcalMainGeV.Length; i++) s += EcalMainGeV[i] + EcalPreshowerGeV[i];
        return s;
    }

    /// <summary>Total HCAL signal, GeV.</summary>
    public double HcalTotalGeV()
    {
        double s = 0;
        foreach (double v in HcalGeV) s += v;
        return s;
    }

    /// <summary>Zeroes everything.</summary>
    public void Clear()
    {
        Array.Clear(EcalPreshowerGeV);
        Array.Clear(EcalMainGeV);
        Array.Clear(HcalGeV);
        Array.Clear(MuonMeV);
        V2MeV = 0;
        EscapedGeV = 0;
    }

    /// <summary>Adds the detectors of <paramref name="other"/> selected by the gate flags (a pile-up particle
    /// counts only in detectors whose integration gate it falls into).</summary>
    public void Add(CalorimeterDeposits other, bool ecal, bool v2, bool hcal, bool muon)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ecal)
            for (int i = 0; i < EcalMainGeV.Length; i++)
            {
                EcalMainGeV[i] += other.EcalMainGeV[i];
                EcalPreshowerGeV[i] += other.EcalPreshowerGeV[i];
            }
        if (v2) V2MeV += other.V2MeV;
        if (hcal) for (int i = 0; i < HcalGeV.Length; i++) HcalGeV[i] += other.HcalGeV[i];
        if (muon) for (int i = 0; i < MuonMeV.Length; i++) MuonMeV[i] += other.MuonMeV[i];
        EscapedGeV += other.EscapedGeV;
    }
}

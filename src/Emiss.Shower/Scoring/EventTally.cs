using Emiss.Shower.Geometry;

namespace Emiss.Shower.Scoring;

/// <summary>
/// The standard per-event scores, reused across events (call <see cref="Reset"/>): energy per slab, per section
/// cell and per radial ring; e⁻/e⁺/γ/primary differential track lengths (in X0 of the local material); track
/// length by material; interactions per process.
/// </summary>
public sealed class EventTally
{
    /// <summary>Creates empty tallies for a geometry, a primary energy (for the linear track-length bins) and a process count.</summary>
    public EventTally(SlabStack geometry, double primaryKineticGeV, int processCount)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        Geometry = geometry;
        PrimaryKineticGeV = primaryKineticGeV;
        SlabEdepGeV = new double[geometry.SlabCount];
        SlabVisibleGeV = new double[geometry.SlabCount];
        CellEdepGeV = new double[geometry.SectionNames.Length * geometry.Cells.Count];
        RadialEdepGeV = new double[geometry.RadialBins];
        TrackLengthLogX0 = new double[TrackLengthBins.Rows * TrackLengthBins.LogBins];
        TrackLengthLinearX0 = new double[TrackLengthBins.Rows * TrackLengthBins.LinearBins];
        ChargedTrackLengthCmByMaterial = new double[geometry.Materials.Length];
        InteractionsByProcess = new double[processCount];
    }

    /// <summary>The geometry.</summary>
    public SlabStack Geometry { get; }

    /// <summary>Primary kinetic energy, GeV.</summary>
    public double PrimaryKineticGeV { get; }

    /// <summary>Energy per slab, GeV.</summary>
    public double[] SlabEdepGeV { get; }

    /// <summary>Visible energy per slab, GeV: the deposit after Birks saturation in active slabs that have it, else the
    /// deposit itself (docs/physics/birks-saturation.md).</summary>
    public double[] SlabVisibleGeV { get; }

    /// <summary>Visible energy per (section, cell) in active slabs only, GeV; index section·Ncells + cell.</summary>
    public double[] CellEdepGeV { get; }

    /// <summary>Energy per radial ring (all slabs), GeV.</summary>
    public double[] RadialEdepGeV { get; }

    /// <summary>Track length per species row and log bin, X0.</summary>
    public double[] TrackLengthLogX0 { get; }

    /// <summary>Track length per species row and linear bin, X0.</summary>
    public double[] TrackLengthLinearX0 { get; }

    /// <summary>Charged track length per material, cm.</summary>
    public double[] ChargedTrackLengthCmByMaterial { get; }

    /// <summary>Interactions per process index.</summary>
    public double[] InteractionsByProcess { get; }

    /// <summary>Total charged track length, X0.</summary>
    public double ChargedTrackLengthX0 { get; set; }

    /// <summary>Total photon track length, X0.</summary>
    public double NeutralTrackLengthX0 { get; set; }

    /// <summary>Clears all scores.</summary>
    public void Reset()
    {
        Array.Clear(SlabEdepGeV);
        Array.Clear(SlabVisibleGeV);
        Array.Clear(CellEdepGeV);
        Array.Clear(RadialEdepGeV);
        Array.Clear(TrackLengthLogX0);
        Array.Clear(TrackLengthLinearX0);
        Array.Clear(ChargedTrackLengthCmByMaterial);
        Array.Clear(InteractionsByProcess);
        ChargedTrackLengthX0 = 0;
        NeutralTrackLengthX0 = 0;
    }

    /// <summary>Visible energy in active slabs (the read-out signal), GeV.</summary>
    public double ActiveGeV()
    {
        double s = 0;
        for (int i = 0; i < SlabVisibleGeV.Length; i++) if (Geometry.SlabActive[i]) s += SlabVisibleGeV[i];
        return s;
    }

    /// <summary>Energy in all slabs, GeV.</summary>
    public double TotalGeV()
    {
        double s = 0;
        foreach (double e in SlabEdepGeV) s += e;
        return s;
    }
}

namespace Emiss.Shower.Transport;

/// <summary>What set the length of a charged step, as counted by the profiling pass (<c>emiss bench shower</c>): the
/// limit that was shortest when the step was planned.</summary>
public enum StepCause
{
    /// <summary>The sampled distance to the next discrete interaction.</summary>
    Interaction,

    /// <summary>The continuous-loss step function (a fraction of the residual range).</summary>
    EnergyLoss,

    /// <summary>The user's maximum step.</summary>
    MaxStep,

    /// <summary>The multiple-scattering range or geometry limit (outside a boundary skin).</summary>
    MscLimit,

    /// <summary>An elastic-mean-free-path step inside the boundary skin of the multiple-scattering algorithm.</summary>
    MscSkin,

    /// <summary>A slab face along z was reached before the planned step ended.</summary>
    SlabFace,

    /// <summary>The lateral boundary of the world was reached.</summary>
    LateralEdge,
}

/// <summary>Layout of the charged-step counts of a profiling pass: (<see cref="StepCause"/>, kinetic-energy band) pairs
/// in one flat array, cause-major.</summary>
public static class StepCauseCounts
{
    /// <summary>Upper edges of the kinetic-energy bands, GeV (the last band is open): 0.3, 1, 10 and 100 MeV.</summary>
    public static IReadOnlyList<double> BandUpperEdgesGeV { get; } = [3e-4, 1e-3, 1e-2, 1e-1];

    /// <summary>Number of kinetic-energy bands.</summary>
    public static int Bands => BandUpperEdgesGeV.Count + 1;

    /// <summary>Number of causes.</summary>
    public static int Causes { get; } = Enum.GetValues<StepCause>().Length;

    /// <summary>Length of the flat array.</summary>
    public static int Length => Causes * Bands;

    /// <summary>Index of (<paramref name="cause"/>, band of <paramref name="kineticGeV"/>) in the flat array.</summary>
    public static int Index(StepCause cause, double kineticGeV)
    {
        int band = 0;
        while (band < BandUpperEdgesGeV.Count && kineticGeV >= BandUpperEdgesGeV[band]) band++;
        return (int)cause * Bands + band;
    }

    /// <summary>Label of band <paramref name="band"/>, e.g. "1–10 MeV".</summary>
    public static string BandLabel(int band)
    {
        static string MeV(double geV) => (geV * 1e3).ToString("G3", System.Globalization.CultureInfo.InvariantCulture);
        if (band == 0) return $"< {MeV(BandUpperEdgesGeV[0])} MeV";
        if (band == BandUpperEdgesGeV.Count) return $"> {MeV(BandUpperEdgesGeV[^1])} MeV";
        return $"{MeV(BandUpperEdgesGeV[band - 1])}–{MeV(BandUpperEdgesGeV[band])} MeV";
    }
}

namespace Emiss.Signal.MonteCarloYield;

/// <summary>Finds a mass on a grid of masses computed elsewhere: MeV → GeV → MeV may change the last bit, so masses match to a relative 1e-9.</summary>
public static class MassGridLookup
{
    /// <summary>Whether <paramref name="gridMeV"/> and <paramref name="massMeV"/> are the same grid mass.</summary>
    public static bool Matches(double gridMeV, double massMeV) => Math.Abs(massMeV - gridMeV) <= 1e-9 * gridMeV;

    /// <summary>Index of <paramref name="massMeV"/> in <paramref name="gridMeV"/>, or −1.</summary>
    public static int IndexOf(IReadOnlyList<double> gridMeV, double massMeV)
    {
        ArgumentNullException.ThrowIfNull(gridMeV);
        for (int i = 0; i < gridMeV.Count; i++)
            if (Matches(gridMeV[i], massMeV)) return i;
        return -1;
    }
}

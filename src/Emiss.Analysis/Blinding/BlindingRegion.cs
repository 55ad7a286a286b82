namespace Emiss.Analysis.Blinding;

/// <summary>
/// The region hidden while blind: the seed's signal box E_ECAL &lt; 50 GeV and E_HCAL &lt; 1 GeV (PRL 118, 011802,
/// "events from a signal box … were excluded from the analysis of the data until the validity of the background
/// estimate in this region was established"). Fixed in code, not a card value: a card that could move it could
/// reveal the box. docs/physics/blinding.md#region.
/// </summary>
public static class BlindingRegion
{
    /// <summary>Upper E_ECAL edge, GeV.</summary>
    public const double EcalMaxGeV = 50.0;

    /// <summary>Upper E_HCAL edge (first two modules), GeV.</summary>
    public const double HcalMaxGeV = 1.0;

    /// <summary>True if (E_ECAL, E_HCAL) is inside the blinded region. NaN counts as inside (fail safe).</summary>
    public static bool Contains(double ecalGeV, double hcalGeV) => !(ecalGeV >= EcalMaxGeV) && !(hcalGeV >= HcalMaxGeV);
}

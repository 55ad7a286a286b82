namespace Emiss.Reporting.Report;

/// <summary>A rectangle in the (E_ECAL, E_HCAL) plane, in GeV: the signal box or a sideband.</summary>
public sealed record EnergyRegion(string Name, double EcalMinGeV, double EcalMaxGeV, double HcalMinGeV, double HcalMaxGeV);

/// <summary>
/// The seed's Fig. 2: events in the (E_ECAL, E_HCAL) plane before and after all cuts, the signal box
/// (E_ECAL &lt; 50 GeV, E_HCAL &lt; 1 GeV) and the sidebands A and C used to extrapolate into it.
/// </summary>
/// <param name="EcalBeforeGeV">E_ECAL of the events before the selection (a sample of them is enough for the picture).</param>
/// <param name="HcalBeforeGeV">E_HCAL (first two modules) of the same events.</param>
/// <param name="EcalAfterGeV">E_ECAL after all cuts.</param>
/// <param name="HcalAfterGeV">E_HCAL after all cuts.</param>
/// <param name="SignalBox">The signal box.</param>
/// <param name="Sidebands">Sidebands (A and C).</param>
public sealed record EnergyPlane(
    double[] EcalBeforeGeV,
    double[] HcalBeforeGeV,
    double[] EcalAfterGeV,
    double[] HcalAfterGeV,
    EnergyRegion SignalBox,
    IReadOnlyList<EnergyRegion> Sidebands)
{
    /// <summary>Events counted in the signal box after all cuts once the analysis is unblinded (the observed count),
    /// or null while blind. The box's events are counted, not drawn: the data set streams only events outside it.</summary>
    public long? BoxObserved { get; init; }

    /// <summary>Weighted share of the events after the loose SRD cut in the seed's region II (E_ECAL + E_HCAL ≈ E0 with
    /// HCAL energy: hadron electroproduction), or null when not counted (fig2-populations.csv).</summary>
    public double? RegionIIFraction { get; init; }

    /// <summary>Weighted share in the seed's region III (E_ECAL + E_HCAL above one beam particle's energy: pile-up), or
    /// null when not counted.</summary>
    public double? RegionIIIFraction { get; init; }
}

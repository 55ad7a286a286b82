namespace Emiss.Detector.Setup;

/// <summary>
/// Synchrotron-radiation detector at the downstream end of the vacuum vessel (seed). Its acceptance is a
/// band in the bending plane at a horizontal offset from the electron's own trajectory (SR photons travel
/// along the tangent at their emission point, so they lag behind the bent electron). All numbers are [assumed].
/// </summary>
public sealed record SrdOptions
{
    /// <summary>Technology.</summary>
    public SrdKind Kind { get; init; } = SrdKind.PbSc;

    /// <summary>Position along the beam, cm.</summary>
    public double ZCm { get; init; } = -90;

    /// <summary>Smallest accepted offset of an SR photon from the radiating particle's track at the SRD, cm.</summary>
    public double OffsetMinCm { get; init; } = 2.0;

    /// <summary>Largest accepted offset, cm.</summary>
    public double OffsetMaxCm { get; init; } = 20.0;

    /// <summary>Photons below this energy are absorbed in the vessel exit window, keV.</summary>
    public double WindowCutoffKeV { get; init; } = 10.0;

    /// <summary>Stochastic resolution term a in σ/E = a/√(E/GeV).</summary>
    public double StochasticTerm { get; init; } = 0.10;

    /// <summary>Electronics noise, MeV (Gaussian, summed over the array).</summary>
    public double NoiseMeV { get; init; } = 1.0;

    /// <summary>Time resolution, ns.</summary>
    public double TimeResolutionNs { get; init; } = 1.0;

    /// <summary>Integration gate (full width, centred on the trigger time), ns; sets the pile-up exposure.</summary>
    public double GateNs { get; init; } = 100.0;

    /// <summary>Probability per beam hadron of a knock-on electron upstream whose SR reaches the SRD
    /// (docs/physics/synchrotron-radiation.md#hadrons-and-knock-on-electrons: residual hadron acceptance from knock-on electrons, modelled as a probability).</summary>
    public double HadronKnockOnProbability { get; init; } = 2e-4;

    internal void Validate(string path, List<string> errors)
    {
        if (!(OffsetMinCm >= 0 && OffsetMaxCm > OffsetMinCm))
            errors.Add($"setup card error at {path}.offsetMaxCm: the acceptance band needs 0 ≤ offsetMinCm < offsetMaxCm");
        SetupChecks.InRange(WindowCutoffKeV, 0, 1e4, path + ".windowCutoffKeV", errors);
        SetupChecks.InRange(StochasticTerm, 0, 2, path + ".stochasticTerm", errors);
        SetupChecks.InRange(NoiseMeV, 0, 1e3, path + ".noiseMeV", errors);
        SetupChecks.Timing(path, TimeResolutionNs, GateNs, errors);
        SetupChecks.InRange(HadronKnockOnProbability, 0, 1, path + ".hadronKnockOnProbability", errors);
    }
}

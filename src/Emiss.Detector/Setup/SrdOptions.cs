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

    /// <summary>Whether a point <paramref name="offsetCm"/> to the SR side of the radiating track (x_track − x) lies in the
    /// SRD's band [<see cref="OffsetMinCm"/>, <see cref="OffsetMaxCm"/>].</summary>
    public bool InBand(double offsetCm) => offsetCm >= OffsetMinCm && offsetCm <= OffsetMaxCm;

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

    /// <summary>Probability per beam μ, π or K of at least one knock-on (δ-ray) candidate in the beam-line material
    /// upstream of the SRD (docs/physics/synchrotron-radiation.md#hadrons-and-knock-on-electrons). Null: the first-principles
    /// value from the material map, 1 − exp(−Σ ½K(Z/A)ρx/T_min). A value rescales the δ-ray yield of every plane so that
    /// the probability is this number (a tuned card parameter; the δ-ray spectra, angles and transport are unchanged).</summary>
    public double? HadronKnockOnProbability { get; init; }

    /// <summary>The value of <see cref="HadronKnockOnProbability"/> in the NA64 2016 cards: tuned so that a beam π⁻ passes
    /// the loose SRD cut and cut (ii) with probability 10⁻³, the seed's suppression (BGO card, no pile-up: 0.4245 ± 0.0016
    /// of the forced class pass, so 10⁻³/0.4245; the material map alone gives 6.4·10⁻³, 2.7 times more;
    /// docs/physics/synchrotron-radiation.md#tuning-to-the-seeds-suppression).</summary>
    public const double SeedTunedHadronKnockOnProbability = 2.36e-3;

    internal void Validate(string path, List<string> errors)
    {
        if (!(OffsetMinCm >= 0 && OffsetMaxCm > OffsetMinCm))
            errors.Add($"setup card error at {path}.offsetMaxCm: the acceptance band needs 0 ≤ offsetMinCm < offsetMaxCm");
        SetupChecks.InRange(WindowCutoffKeV, 0, 1e4, path + ".windowCutoffKeV", errors);
        SetupChecks.InRange(StochasticTerm, 0, 2, path + ".stochasticTerm", errors);
        SetupChecks.InRange(NoiseMeV, 0, 1e3, path + ".noiseMeV", errors);
        SetupChecks.Timing(path, TimeResolutionNs, GateNs, errors);
        if (HadronKnockOnProbability is { } p && !(p >= 0 && p < 1))
            errors.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"setup card error at {path}.hadronKnockOnProbability: value {p} is not a probability in [0, 1); give a value below 1, or omit the key for the material map's own value"));
    }
}

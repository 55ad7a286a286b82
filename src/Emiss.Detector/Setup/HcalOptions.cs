using System.Text.Json.Serialization;

namespace Emiss.Detector.Setup;

/// <summary>
/// The hadron calorimeter: ≈30 λ_I in 4 modules, E_HCAL = first two modules (seed). Fe/Sc layering
/// (48 × (25 mm Fe + 4 mm Sc) = 7.4 λ_I per module) is [assumed] per docs/physics/na64-detector.md#hcal. Response: e/h and the
/// electromagnetic fraction f_em(E) = 1 − (E/E₀)^(k−1) (Gabriel et al., NIM A 338 (1994) 336), calibrated so a
/// pion of <see cref="CalibrationEnergyGeV"/> reads its energy on average.
/// </summary>
public sealed record HcalOptions
{
    /// <summary>Number of modules.</summary>
    public int Modules { get; init; } = 4;

    /// <summary>Layers per module.</summary>
    public int LayersPerModule { get; init; } = 48;

    /// <summary>Absorber material (MaterialCatalog name; docs/physics/na64-detector.md#hcal [assumed]: Fe).</summary>
    public string AbsorberMaterial { get; init; } = "Fe";

    /// <summary>Active material (MaterialCatalog name).</summary>
    public string ActiveMaterial { get; init; } = "Sc";

    /// <summary>Absorber (iron) plate thickness, cm.</summary>
    public double IronThicknessCm { get; init; } = 2.5;

    /// <summary>Scintillator plate thickness, cm.</summary>
    public double ScintillatorThicknessCm { get; init; } = 0.4;

    /// <summary>Half-width of the (square, centred on the beam axis) HCAL face, cm (≈ 60 × 60 cm², docs/physics/na64-detector.md#hcal).</summary>
    public double HalfWidthCm { get; init; } = 30.0;

    /// <summary>Gap between ECAL back face and the first HCAL module (V2 sits in it), cm.</summary>
    public double GapAfterEcalCm { get; init; } = 5.0;

    /// <summary>e/h of the Fe/Sc stack [assumed; typical Fe/Sc value].</summary>
    public double ElectronToHadronRatio { get; init; } = 1.4;

    /// <summary>E₀ of the f_em parametrisation, GeV (Gabriel et al. 1994 for pions: ≈ 0.7–1 GeV).</summary>
    public double EmFractionScaleGeV { get; init; } = 0.7;

    /// <summary>Exponent k of f_em = 1 − (E/E₀)^(k−1) (Gabriel et al. 1994: k ≈ 0.82).</summary>
    public double EmFractionExponent { get; init; } = 0.82;

    /// <summary>Event-to-event spread of f_em (absolute) [assumed].</summary>
    public double EmFractionSpread { get; init; } = 0.08;

    /// <summary>Sampling term of the non-electromagnetic part of a hadron shower, σ/E = a/√E: Fabjan's 11.5 %·√(ΔE/MeV) = 0.62
    /// for 25 mm Fe + 4 mm Sc (<see cref="Calorimetry.SamplingFluctuationRules"/>; docs/physics/hadron-response.md#sampling-terms).</summary>
    public double HadronSamplingTerm { get; init; } = 0.62;

    /// <summary>Sampling term of electromagnetic energy, σ/E = a/√E: the shower engine's EM showers in this stack (10 GeV e⁻ in
    /// the na64-hcal geometry: 0.2137 ± 0.0076 with the photoabsorption above 0.8 MeV in Sauter's shape, 0.2299 ± 0.0081 before), where the 2.7 %·√(d/f_mip) rule gives 0.32 but overestimates thick iron sampling (MINOS,
    /// 2.54 cm Fe + 1 cm Sc, measured 21.4 %/√E; docs/physics/hadron-response.md#sampling-terms).</summary>
    public double EmSamplingTerm { get; init; } = 0.21;

    /// <summary>Pion energy at which the hadronic scale is calibrated, GeV.</summary>
    public double CalibrationEnergyGeV { get; init; } = 50.0;

    /// <summary>e/mip of the stack [assumed]; an EM-calibrated MIP reads dE/(e/mip).</summary>
    public double ElectronToMipRatio { get; init; } = 0.8;

    /// <summary>Electronics noise per module, GeV.</summary>
    public double NoisePerModuleGeV { get; init; } = 0.03;

    /// <summary>Photo-electrons per GeV (EM scale) [assumed].</summary>
    public double PhotoElectronsPerGeV { get; init; } = 200.0;

    /// <summary>Time resolution, ns.</summary>
    public double TimeResolutionNs { get; init; } = 1.0;

    /// <summary>Integration gate (full width), ns.</summary>
    public double GateNs { get; init; } = 200.0;

    /// <summary>Module depth, cm.</summary>
    [JsonIgnore]
    public double ModuleDepthCm => LayersPerModule * (IronThicknessCm + ScintillatorThicknessCm);

    internal void Validate(string path, List<string> errors)
    {
        SetupChecks.PositiveInt(Modules, path + ".modules", errors);
        if (Modules > 8) errors.Add($"setup card error at {path}.modules: {Modules} modules; at most 8 are supported by the event schema");
        SetupChecks.PositiveInt(LayersPerModule, path + ".layersPerModule", errors);
        SetupChecks.SamplingStack(path, AbsorberMaterial, ActiveMaterial, (IronThicknessCm, "ironThicknessCm"), ScintillatorThicknessCm, errors);
        SetupChecks.Positive(HalfWidthCm, path + ".halfWidthCm", errors);
        SetupChecks.InRange(GapAfterEcalCm, 0, 1000, path + ".gapAfterEcalCm", errors);
        SetupChecks.InRange(ElectronToHadronRatio, 0.5, 3, path + ".electronToHadronRatio", errors);
        SetupChecks.Positive(EmFractionScaleGeV, path + ".emFractionScaleGeV", errors);
        SetupChecks.InRange(EmFractionExponent, 0.5, 1, path + ".emFractionExponent", errors);
        SetupChecks.InRange(EmFractionSpread, 0, 0.5, path + ".emFractionSpread", errors);
        SetupChecks.InRange(HadronSamplingTerm, 0, 3, path + ".hadronSamplingTerm", errors);
        SetupChecks.InRange(EmSamplingTerm, 0, 3, path + ".emSamplingTerm", errors);
        SetupChecks.Positive(CalibrationEnergyGeV, path + ".calibrationEnergyGeV", errors);
        SetupChecks.InRange(ElectronToMipRatio, 0.1, 2, path + ".electronToMipRatio", errors);
        SetupChecks.InRange(NoisePerModuleGeV, 0, 10, path + ".noisePerModuleGeV", errors);
        SetupChecks.Positive(PhotoElectronsPerGeV, path + ".photoElectronsPerGeV", errors);
        SetupChecks.Timing(path, TimeResolutionNs, GateNs, errors);
    }
}

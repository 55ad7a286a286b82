using System.Text.Json.Serialization;

namespace Emiss.Detector.Setup;

/// <summary>
/// The active target: 6×6 Shashlik Pb/Sc modules, ≈40 X0, δE/E ≈ 10 %/√E (seed). Layering, cell size and
/// preshower split are [assumed] per docs/physics/na64-detector.md#ecal (150 × (1.5 mm Pb + 1.5 mm Sc), 38 × 38 mm² cells,
/// first 15 layers read as preshower). Digitization numbers are [assumed].
/// </summary>
public sealed record EcalOptions
{
    /// <summary>Shower model.</summary>
    public EcalModel Model { get; init; } = EcalModel.Parametrised;

    /// <summary>Cells along x.</summary>
    public int CellsX { get; init; } = 6;

    /// <summary>Cells along y.</summary>
    public int CellsY { get; init; } = 6;

    /// <summary>Cell pitch, cm.</summary>
    public double CellSizeCm { get; init; } = 3.8;

    /// <summary>Cell (0-based) whose centre lies on the nominal beam trajectory, x index.</summary>
    public int BeamCellX { get; init; } = 3;

    /// <summary>Cell (0-based) whose centre lies on the nominal beam trajectory, y index.</summary>
    public int BeamCellY { get; init; } = 3;

    /// <summary>Number of Pb/Sc layers.</summary>
    public int Layers { get; init; } = 150;

    /// <summary>Leading layers read out as preshower.</summary>
    public int PreshowerLayers { get; init; } = 15;

    /// <summary>Absorber material (MaterialCatalog name; seed: Pb).</summary>
    public string AbsorberMaterial { get; init; } = "Pb";

    /// <summary>Active material (MaterialCatalog name; seed: plastic scintillator "Sc").</summary>
    public string ActiveMaterial { get; init; } = "Sc";

    /// <summary>Absorber (lead) plate thickness, cm.</summary>
    public double LeadThicknessCm { get; init; } = 0.15;

    /// <summary>Scintillator plate thickness, cm.</summary>
    public double ScintillatorThicknessCm { get; init; } = 0.15;

    /// <summary>Birks constant k_B of the active plates, mm/MeV, for the shower engine's read-out of the card's stack (the
    /// full ECAL model's cells; the profile and leakage studies read deposits); 0 = no saturation. Default: polystyrene's
    /// 0.07943 (Hirschberg et al., IEEE TNS 39, 511 (1992); docs/physics/birks-saturation.md).</summary>
    public double ActiveBirksMmPerMeV { get; init; } = 0.07943;

    /// <summary>Sampling term a_s in σ/E = a_s/√(E/GeV) (docs/physics/na64-detector.md#ecal: ≈ 9 %/√E for this stack).</summary>
    public double SamplingTerm { get; init; } = 0.09;

    /// <summary>Photo-electrons per GeV of EM-calibrated energy [assumed]; photo-statistics add 1/√(N_pe).</summary>
    public double PhotoElectronsPerGeV { get; init; } = 1000.0;

    /// <summary>Electronics noise per cell, GeV.</summary>
    public double NoisePerCellGeV { get; init; } = 0.01;

    /// <summary>Relative spread of the per-cell calibration constants (fixed per run; gives the constant term).</summary>
    public double CalibrationSpreadRel { get; init; } = 0.01;

    /// <summary>e/mip of the stack (docs/physics/na64-detector.md#ecal: ≈ 0.7); an EM-calibrated MIP reads dE/0.7.</summary>
    public double ElectronToMipRatio { get; init; } = 0.7;

    /// <summary>Time resolution of a cluster, ns.</summary>
    public double TimeResolutionNs { get; init; } = 0.5;

    /// <summary>Integration gate (full width), ns.</summary>
    public double GateNs { get; init; } = 200.0;

    /// <summary>Core fraction p of the two-component lateral profile (see <see cref="Calorimetry.LateralProfile"/>).</summary>
    public double LateralCoreFraction { get; init; } = 0.707;

    /// <summary>Core radius, units of the Molière radius.</summary>
    public double LateralCoreRadiusRm { get; init; } = 0.2;

    /// <summary>Tail radius, units of the Molière radius.</summary>
    public double LateralTailRadiusRm { get; init; } = 0.575;

    /// <summary>Lateral radius of hadronic showers, cm [assumed].</summary>
    public double HadronLateralRadiusCm { get; init; } = 6.0;

    /// <summary>Shift ΔT of the median depth of the EM shower maximum (GFlash, X0) for the parametrised model; the default is
    /// fitted to the shower engine for the NA64 Pb/Sc stack (<c>emiss study ecal-profile</c> fits it for any card;
    /// docs/physics/calorimeter-parametrised.md#tuning-the-shifts).</summary>
    public double ProfileTmaxShiftX0 { get; init; } = Calorimetry.ShowerMedium.NA64PbScTmaxShiftX0;

    /// <summary>Shift Δα of the median shape parameter of the EM profile (same fit as <see cref="ProfileTmaxShiftX0"/>).</summary>
    public double ProfileAlphaShift { get; init; } = Calorimetry.ShowerMedium.NA64PbScAlphaShift;

    /// <summary>Energy-dependent Δα added to <see cref="ProfileAlphaShift"/> at each electron shower's energy (fitted to the shower engine per energy with ΔT common; docs/physics/calorimeter-parametrised.md#energy-dependent-alpha);
    /// null: none.</summary>
    public AlphaShiftTableOptions? ProfileAlphaShiftTable { get; init; } = AlphaShiftTableOptions.NA64PbSc;

    /// <summary>Shift Δα of a photon shower's median shape parameter, used instead of <see cref="ProfileAlphaShift"/> and the table for
    /// photons (fitted to the engine's photon showers with <see cref="ProfilePhotonTmaxShiftX0"/>;
    /// docs/physics/calorimeter-parametrised.md#photons).</summary>
    public double ProfilePhotonAlphaShift { get; init; } = Calorimetry.ShowerMedium.NA64PbScPhotonAlphaShift;

    /// <summary>Shift ΔT of a photon shower's median maximum, used instead of <see cref="ProfileTmaxShiftX0"/> for photons (on top of
    /// the conversion depth, <see cref="ProfilePhotonConversion"/>); <c>emiss study ecal-profile --photon</c> fits it with
    /// <see cref="ProfilePhotonAlphaShift"/> (docs/physics/calorimeter-parametrised.md#photons).</summary>
    public double ProfilePhotonTmaxShiftX0 { get; init; } = Calorimetry.ShowerMedium.NA64PbScPhotonTmaxShiftX0;

    /// <summary>Whether a photon's shower starts at an exponentially distributed conversion depth (the stack's pair-conversion
    /// probability per X0 at the photon's energy, <see cref="Calorimetry.PhotonConversionRate"/>) with the e± shape and the photon's
    /// shifts; false: the e± shape moved <see cref="Calorimetry.EmLongitudinalProfile.PhotonDelayX0"/> deeper (the PDG rule;
    /// docs/physics/calorimeter-parametrised.md#photons).</summary>
    public bool ProfilePhotonConversion { get; init; } = true;

    /// <summary>Fraction w of an EM shower's energy in the profile's attenuated tail, carried beyond the gamma profile by the
    /// most penetrating photons (fitted to the shower engine with the shifts; docs/physics/calorimeter-parametrised.md#deep-tail).</summary>
    public double ProfileTailFraction { get; init; } = Calorimetry.ShowerMedium.NA64PbScTailFraction;

    /// <summary>Tail fraction per energy, used instead of <see cref="ProfileTailFraction"/> at each shower's energy (linear in ln E
    /// between nodes, held beyond them; <c>emiss study ecal-profile --tail-per-energy</c> fits it;
    /// docs/physics/calorimeter-parametrised.md#tail-fraction-per-energy); null: one fraction for all energies.</summary>
    public TailFractionTableOptions? ProfileTailFractionTable { get; init; } = TailFractionTableOptions.NA64PbSc;

    /// <summary>Tail fraction per energy of photon showers at their own energy, used instead of the e± table at half a photon's
    /// energy (<c>emiss study ecal-profile --photon --tail-per-energy</c> fits it;
    /// docs/physics/calorimeter-parametrised.md#photon-tail-fraction); null: the half-energy rule.</summary>
    public TailFractionTableOptions? ProfilePhotonTailFractionTable { get; init; } = TailFractionTableOptions.NA64PbScPhoton;

    /// <summary>Attenuation μ of that tail per radiation length of the ECAL: its minimum photon attenuation coefficient in
    /// units of 1/X0 (0.283 for 1.5 mm Pb + 1.5 mm scintillator, from NIST's mass attenuation coefficients near 4 MeV).</summary>
    public double ProfileTailSlopePerX0 { get; init; } = Calorimetry.ShowerMedium.NA64PbScTailSlopePerX0;

    /// <summary>Sampling fraction deep in an EM shower (the ECAL's last quarter of layers) over the ECAL's mean: the profile
    /// describes the ECAL's signal, and the energy that flows past its back into V2, the HCAL and the muon counters is the
    /// profile's share divided by this ratio and by <see cref="ProfileBackFlowAbsorbedFraction"/> (0.83 for the NA64 Pb/Sc
    /// ECAL, measured in the shower engine with <c>emiss study ecal-leakage</c>;
    /// docs/physics/calorimeter-parametrised.md#past-the-ecals-back).</summary>
    public double ProfileDeepSamplingRatio { get; init; } = Calorimetry.ShowerMedium.NA64PbScDeepSamplingRatio;

    /// <summary>Energy a continuation of the ECAL's stack would absorb behind its back over the energy flowing forward through
    /// the back plane (the rest returns or leaves sideways): the profile's share past the back stands for the former, so the
    /// flow into V2 and the HCAL is that share divided by <see cref="ProfileDeepSamplingRatio"/> and by this fraction
    /// (0.92 for the NA64 Pb/Sc ECAL, same study; docs/physics/calorimeter-parametrised.md#past-the-ecals-back).</summary>
    public double ProfileBackFlowAbsorbedFraction { get; init; } = Calorimetry.ShowerMedium.NA64PbScBackFlowAbsorbedFraction;

    /// <summary>Mean energy of the photons that carry the flow out of the ECAL's back into V2, MeV (2.4 for the NA64 Pb/Sc
    /// ECAL; <c>emiss study ecal-leakage</c> measures it; docs/physics/calorimeter-parametrised.md#v2-behind-the-ecal).</summary>
    public double BackLeakPhotonMeanMeV { get; init; } = Calorimetry.LeakagePhotonsInPlane.MeanPhotonEnergyGeV * 1e3;

    /// <summary>Mean 1/cos θ of those photons at the ECAL's back (1.25 for the NA64 Pb/Sc ECAL; same study).</summary>
    public double BackLeakPhotonObliquity { get; init; } = Calorimetry.LeakagePhotonsInPlane.MeanObliquity;

    /// <summary>Total depth, cm.</summary>
    [JsonIgnore]
    public double DepthCm => Layers * (LeadThicknessCm + ScintillatorThicknessCm);

    internal void Validate(string path, List<string> errors)
    {
        SetupChecks.PositiveInt(CellsX, path + ".cellsX", errors);
        SetupChecks.PositiveInt(CellsY, path + ".cellsY", errors);
        SetupChecks.Positive(CellSizeCm, path + ".cellSizeCm", errors);
        if (BeamCellX < 0 || BeamCellX >= CellsX) errors.Add($"setup card error at {path}.beamCellX: {BeamCellX} is not a cell index in [0, {CellsX - 1}]");
        if (BeamCellY < 0 || BeamCellY >= CellsY) errors.Add($"setup card error at {path}.beamCellY: {BeamCellY} is not a cell index in [0, {CellsY - 1}]");
        SetupChecks.PositiveInt(Layers, path + ".layers", errors);
        if (PreshowerLayers < 0 || PreshowerLayers >= Layers) errors.Add($"setup card error at {path}.preshowerLayers: {PreshowerLayers} must be in [0, layers)");
        SetupChecks.SamplingStack(path, AbsorberMaterial, ActiveMaterial, (LeadThicknessCm, "leadThicknessCm"), ScintillatorThicknessCm, errors);
        SetupChecks.InRange(ActiveBirksMmPerMeV, 0, 1, path + ".activeBirksMmPerMeV", errors);
        SetupChecks.InRange(SamplingTerm, 0, 1, path + ".samplingTerm", errors);
        SetupChecks.Positive(PhotoElectronsPerGeV, path + ".photoElectronsPerGeV", errors);
        SetupChecks.InRange(NoisePerCellGeV, 0, 10, path + ".noisePerCellGeV", errors);
        SetupChecks.InRange(CalibrationSpreadRel, 0, 0.5, path + ".calibrationSpreadRel", errors);
        SetupChecks.InRange(ElectronToMipRatio, 0.1, 2, path + ".electronToMipRatio", errors);
        SetupChecks.Timing(path, TimeResolutionNs, GateNs, errors);
        SetupChecks.InRange(LateralCoreFraction, 0, 1, path + ".lateralCoreFraction", errors);
        SetupChecks.Positive(LateralCoreRadiusRm, path + ".lateralCoreRadiusRm", errors);
        SetupChecks.Positive(LateralTailRadiusRm, path + ".lateralTailRadiusRm", errors);
        SetupChecks.Positive(HadronLateralRadiusCm, path + ".hadronLateralRadiusCm", errors);
        // GFlash's own sampling corrections are a few tenths; beyond ±3 the shape leaves the range the fit explores.
        SetupChecks.InRange(ProfileTmaxShiftX0, -3, 3, path + ".profileTmaxShiftX0", errors);
        SetupChecks.InRange(ProfileAlphaShift, -3, 3, path + ".profileAlphaShift", errors);
        SetupChecks.InRange(ProfilePhotonAlphaShift, -3, 3, path + ".profilePhotonAlphaShift", errors);
        SetupChecks.InRange(ProfilePhotonTmaxShiftX0, -3, 3, path + ".profilePhotonTmaxShiftX0", errors);
        ProfileAlphaShiftTable?.Validate(path + ".profileAlphaShiftTable", errors);
        ProfileTailFractionTable?.Validate(path + ".profileTailFractionTable", errors);
        ProfilePhotonTailFractionTable?.Validate(path + ".profilePhotonTailFractionTable", errors);
        SetupChecks.InRange(ProfileTailFraction, 0, 0.5, path + ".profileTailFraction", errors);
        // between the attenuation minimum of lead per X0 (≈ 0.27) and of the lightest plastics (≈ 1.4), with room on both sides
        SetupChecks.InRange(ProfileTailSlopePerX0, 0.05, 2, path + ".profileTailSlopePerX0", errors);
        // a ratio of sampling fractions: 1 in a homogeneous calorimeter, below 1 where the absorber's Z exceeds the active medium's
        SetupChecks.InRange(ProfileDeepSamplingRatio, 0.2, 2, path + ".profileDeepSamplingRatio", errors);
        // a fraction of a flow: 1 when nothing returns through the plane or leaves sideways
        SetupChecks.InRange(ProfileBackFlowAbsorbedFraction, 0.2, 1, path + ".profileBackFlowAbsorbedFraction", errors);
        // few-MeV photons near the attenuation minimum of any absorber; an obliquity is at least 1
        SetupChecks.InRange(BackLeakPhotonMeanMeV, 0.1, 50, path + ".backLeakPhotonMeanMeV", errors);
        SetupChecks.InRange(BackLeakPhotonObliquity, 1, 5, path + ".backLeakPhotonObliquity", errors);
    }
}

using System.Collections.Immutable;
using Emiss.Core.Materials;
using Emiss.Detector.Setup;

namespace Emiss.Detector.Calorimetry;

/// <summary>
/// The downstream calorimeter system along the beam, built from a set-up card: ECAL preshower, ECAL main, V2,
/// then HCAL module k followed by muon counter MU(k+1). Air gaps carry no material and are omitted. Effective
/// ECAL parameters follow docs/physics/na64-detector.md#ecal (X0_eff ≈ 1.107 cm, E_c,eff ≈ 8.6 MeV, R_M,eff ≈ 2.74 cm,
/// ≈ 1.6 λ_I for the default stack).
/// </summary>
public sealed class CalorimeterLayout
{
    /// <summary>Builds the stack for <paramref name="card"/>.</summary>
    public CalorimeterLayout(SetupCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        EcalOptions e = card.Ecal;
        HcalOptions h = card.Hcal;
        Material pb = MaterialCatalog.ByName(e.AbsorberMaterial), sc = MaterialCatalog.ByName(e.ActiveMaterial);
        Material fe = MaterialCatalog.ByName(h.AbsorberMaterial), hsc = MaterialCatalog.ByName(h.ActiveMaterial);
        Material plastic = MaterialCatalog.Polystyrene; // V2 and muon counters
        var regions = ImmutableArray.CreateBuilder<CalorimeterRegion>();
        double x0 = 0, lam = 0;
        void Add(RegionKind kind, int index, int layers, Material m1, double t1, Material m2, double t2)
        {
            double pitch = t1 + t2, thick = layers * pitch;
            double x0Eff = pitch / (t1 / m1.RadiationLengthCm + (t2 > 0 ? t2 / m2.RadiationLengthCm : 0));
            double lamEff = pitch / (t1 / m1.NuclearInteractionLengthCm + (t2 > 0 ? t2 / m2.NuclearInteractionLengthCm : 0));
            double dedx = (t1 * m1.DensityGPerCm3 * m1.MinimumIonisationGeVCm2PerG + t2 * m2.DensityGPerCm3 * m2.MinimumIonisationGeVCm2PerG) / pitch;
            regions.Add(new CalorimeterRegion(kind, index, thick, x0Eff, lamEff, dedx, x0, lam));
            x0 += thick / x0Eff;
            lam += thick / lamEff;
        }
        Add(RegionKind.EcalPreshower, 0, e.PreshowerLayers, pb, e.LeadThicknessCm, sc, e.ScintillatorThicknessCm);
        Add(RegionKind.EcalMain, 0, e.Layers - e.PreshowerLayers, pb, e.LeadThicknessCm, sc, e.ScintillatorThicknessCm);
        Add(RegionKind.Veto, 0, 1, plastic, card.V2.ThicknessCm, plastic, 0);
        HcalFirstRegion = regions.Count;
        for (int k = 0; k < h.Modules; k++)
        {
            Add(RegionKind.HcalModule, k, h.LayersPerModule, fe, h.IronThicknessCm, hsc, h.ScintillatorThicknessCm);
            Add(RegionKind.MuonCounter, k, 1, plastic, card.MuonCounters.ThicknessCm, plastic, 0);
        }
        Regions = regions.ToImmutable();

        double pitchE = e.LeadThicknessCm + e.ScintillatorThicknessCm;
        EcalX0Cm = Regions[1].X0Cm;
        // Rossi critical energy of the mixture: E_c = X0_eff·⟨dE/dx⟩ with ⟨dE/dx⟩ = Σ (t_i/T) E_c,i/X0_i.
        EcalCriticalEnergyGeV = EcalX0Cm * (e.LeadThicknessCm * pb.CriticalEnergyElectronGeV / pb.RadiationLengthCm
                                           + e.ScintillatorThicknessCm * sc.CriticalEnergyElectronGeV / sc.RadiationLengthCm) / pitchE;
        // R_M = X0 · E_s/E_c with E_s = 21.2052 MeV (docs/physics/materials.md#mixtures-and-derived-quantities).
        EcalMoliereRadiusCm = EcalX0Cm * 21.2052e-3 / EcalCriticalEnergyGeV;
        HcalCriticalEnergyGeV = Regions[HcalFirstRegion].X0Cm *
            (h.IronThicknessCm * fe.CriticalEnergyElectronGeV / fe.RadiationLengthCm + h.ScintillatorThicknessCm * hsc.CriticalEnergyElectronGeV / hsc.RadiationLengthCm)
            / (h.IronThicknessCm + h.ScintillatorThicknessCm);
        EcalEffectiveZ = EffectiveZ(pb, e.LeadThicknessCm, sc, e.ScintillatorThicknessCm);
        HcalEffectiveZ = EffectiveZ(fe, h.IronThicknessCm, hsc, h.ScintillatorThicknessCm);
        // The T and α shifts come from the card (by default tuned on the NA64 Pb/Sc stack against the shower engine); the HCAL
        // keeps GFlash's homogeneous values (no engine reference for its EM showers, which only carry leakage and muon radiation).
        EcalShowerMedium = new ShowerMedium(EcalCriticalEnergyGeV, EcalEffectiveZ, e.ProfileTmaxShiftX0, e.ProfileAlphaShift, e.ProfilePhotonAlphaShift,
            e.ProfileTailFraction, e.ProfileTailSlopePerX0, e.ProfileAlphaShiftTable?.ToTable(), e.ProfilePhotonTmaxShiftX0,
            e.ProfilePhotonConversion ? new PhotonConversionRate([(pb, e.LeadThicknessCm), (sc, e.ScintillatorThicknessCm)]) : null,
            e.ProfileTailFractionTable?.ToTable(), e.ProfilePhotonTailFractionTable?.ToTable());
        HcalShowerMedium = new ShowerMedium(HcalCriticalEnergyGeV, HcalEffectiveZ);
        TotalX0 = x0;
        TotalLambda = lam;
        EcalHalfWidthXCm = 0.5 * e.CellsX * e.CellSizeCm;
        EcalHalfWidthYCm = 0.5 * e.CellsY * e.CellSizeCm;
        // Nominal beam at the centre of cell (BeamCellX, BeamCellY): ECAL centre offset from the beam axis.
        EcalCentreXCm = (0.5 * (e.CellsX - 1) - e.BeamCellX) * e.CellSizeCm;
        EcalCentreYCm = (0.5 * (e.CellsY - 1) - e.BeamCellY) * e.CellSizeCm;
        HcalHalfWidthCm = h.HalfWidthCm;
        CellsX = e.CellsX;
        CellsY = e.CellsY;
        CellSizeCm = e.CellSizeCm;
    }

    /// <summary>ECAL cells along x.</summary>
    public int CellsX { get; }

    /// <summary>ECAL cells along y.</summary>
    public int CellsY { get; }

    /// <summary>ECAL cell pitch, cm.</summary>
    public double CellSizeCm { get; }

    /// <summary>HCAL half-width, cm.</summary>
    public double HcalHalfWidthCm { get; }

    /// <summary>True if (x, y) lies on the HCAL face.</summary>
    public bool HitsHcal(double xCm, double yCm) => Math.Abs(xCm) < HcalHalfWidthCm && Math.Abs(yCm) < HcalHalfWidthCm;

    /// <summary>Left edge (x) of ECAL cell column <paramref name="ix"/>, cm relative to the beam axis.</summary>
    public double CellLowX(int ix) => EcalCentreXCm - EcalHalfWidthXCm + ix * CellSizeCm;

    /// <summary>Lower edge (y) of ECAL cell row <paramref name="iy"/>, cm relative to the beam axis.</summary>
    public double CellLowY(int iy) => EcalCentreYCm - EcalHalfWidthYCm + iy * CellSizeCm;

    /// <summary>Index of the region containing cumulative depth <paramref name="lambda"/> (λ_I), or −1 beyond the stack.</summary>
    public int RegionAtLambda(double lambda)
    {
        for (int i = 0; i < Regions.Length; i++)
            if (lambda < Regions[i].LambdaStart + Regions[i].LambdaThickness) return i;
        return -1;
    }

    /// <summary>Regions from the ECAL face backwards.</summary>
    public ImmutableArray<CalorimeterRegion> Regions { get; }

    /// <summary>Index of the first HCAL module region.</summary>
    public int HcalFirstRegion { get; }

    /// <summary>Effective ECAL radiation length, cm.</summary>
    public double EcalX0Cm { get; }

    /// <summary>Effective ECAL critical energy, GeV.</summary>
    public double EcalCriticalEnergyGeV { get; }

    /// <summary>Effective HCAL critical energy, GeV.</summary>
    public double HcalCriticalEnergyGeV { get; }

    /// <summary>Effective atomic number of the ECAL's absorber/active pair (GFlash's weighting, see <see cref="EffectiveZ"/>).</summary>
    public double EcalEffectiveZ { get; }

    /// <summary>Effective atomic number of an HCAL module's absorber/active pair.</summary>
    public double HcalEffectiveZ { get; }

    /// <summary>The ECAL as a medium for the EM longitudinal profile.</summary>
    public ShowerMedium EcalShowerMedium { get; }

    /// <summary>An HCAL module as a medium for the EM longitudinal profile.</summary>
    public ShowerMedium HcalShowerMedium { get; }

    /// <summary>Effective ECAL Molière radius, cm.</summary>
    public double EcalMoliereRadiusCm { get; }

    /// <summary>Total depth in X0.</summary>
    public double TotalX0 { get; }

    /// <summary>Total depth in λ_I.</summary>
    public double TotalLambda { get; }

    /// <summary>ECAL half-width along x, cm.</summary>
    public double EcalHalfWidthXCm { get; }

    /// <summary>ECAL half-width along y, cm.</summary>
    public double EcalHalfWidthYCm { get; }

    /// <summary>x of the ECAL centre relative to the nominal beam axis, cm.</summary>
    public double EcalCentreXCm { get; }

    /// <summary>y of the ECAL centre relative to the nominal beam axis, cm.</summary>
    public double EcalCentreYCm { get; }

    /// <summary>True if (x, y) relative to the beam axis lies on the ECAL face.</summary>
    public bool HitsEcal(double xCm, double yCm) =>
        Math.Abs(xCm - EcalCentreXCm) < EcalHalfWidthXCm && Math.Abs(yCm - EcalCentreYCm) < EcalHalfWidthYCm;

    /// <summary>Z of a two-material layer weighted by mass per unit area, each material's Z by mass fraction, as GFlash
    /// weights a sampling calorimeter (Grindhammer &amp; Peters, hep-ex/0001020; Geant4 GFlashSamplingShowerParameterisation):
    /// Z_eff = Σ wᵢZᵢ, wᵢ = dᵢρᵢ/Σ dⱼρⱼ.</summary>
    public static double EffectiveZ(Material m1, double t1Cm, Material m2, double t2Cm)
    {
        ArgumentNullException.ThrowIfNull(m1);
        ArgumentNullException.ThrowIfNull(m2);
        static double Z(Material m) => m.Elements.Sum(el => el.MassFraction * el.Z);
        double w1 = t1Cm * m1.DensityGPerCm3, w2 = t2Cm * m2.DensityGPerCm3;
        return (w1 * Z(m1) + w2 * Z(m2)) / (w1 + w2);
    }
}

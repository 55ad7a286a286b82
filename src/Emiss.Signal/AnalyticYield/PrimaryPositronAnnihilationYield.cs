using Emiss.Core.Constants;
using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Physics.YieldModels;
using Emiss.Signal.Processes;

namespace Emiss.Signal.AnalyticYield;

/// <summary>
/// Resonant annihilation e⁺e⁻ → A′ → χχ̄ of the beam positron on atomic electrons in a thick target
/// (docs/physics/resonant-annihilation.md#narrow-width-limit, docs/physics/projections.md#positron-beam):
/// n_ann = N_A X0 (Σ_j w_j Z_j/A_j) ∫_{E_cut − m_e}^{E0} dE T₁(E) σ(E), with T₁ Tsai's straggling track length of
/// the primary (the same rule as <see cref="TrackLengthSignalYield"/>) and σ the Breit–Wigner of
/// <see cref="ResonantAnnihilationCrossSection"/> (A′ energy E₊ + m_e above E_cut = f E0). Because T₁ grows without
/// bound as E → E0 (the positron that has not yet radiated), the yield peaks at the mass whose resonance sits at the
/// beam energy, m = √(2 m_e E0 + 2 m_e²) ≈ √(2 m_e E0): the dip of a positron-beam limit. Shower positrons are
/// not counted (a lower bound away from the peak). Per positron on target at ε = 1.
/// </summary>
public sealed class PrimaryPositronAnnihilationYield : ISignalYieldModel
{
    /// <summary>Coupling at which Γ(A′ → e⁺e⁻) enters the width; negligible next to Γ(A′ → χχ̄) for α_D ≳ 10⁻³.</summary>
    public const double WidthEpsilon = 1e-4;

    /// <summary>Gauss–Legendre panels of the track-length rule.</summary>
    public const int QuadraturePanels = 400;

    private readonly double _beamGeV;
    private readonly double _alphaDark;
    private readonly double _chiMassRatio;
    private readonly double _electronsPerX0;
    private readonly double[] _energies;
    private readonly double[] _weights;
    private readonly double _endWeight;

    /// <summary>Creates the yield for a positron beam of total energy <paramref name="beam"/> in <paramref name="target"/>.</summary>
    /// <param name="target">Absorber (its electrons are the annihilation targets, its X0 the track-length unit).</param>
    /// <param name="beam">Positron beam energy E0.</param>
    /// <param name="missingEnergyFraction">Signal region E_A′ &gt; f E0, f in (0, 1).</param>
    /// <param name="alphaDark">α_D, which sets the A′ width.</param>
    /// <param name="chiMassRatio">m_χ/m_A′ in [0, 0.5) (benchmark 1/3).</param>
    public PrimaryPositronAnnihilationYield(Material target, Energy beam, double missingEnergyFraction, double alphaDark, double chiMassRatio = 1.0 / 3.0)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!(missingEnergyFraction > 0 && missingEnergyFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(missingEnergyFraction), missingEnergyFraction, "must lie in (0, 1)");
        if (!(alphaDark > 0)) throw new ArgumentOutOfRangeException(nameof(alphaDark), alphaDark, "α_D must be > 0");
        if (!(chiMassRatio >= 0 && chiMassRatio < 0.5)) throw new ArgumentOutOfRangeException(nameof(chiMassRatio), chiMassRatio, "must lie in [0, 0.5)");
        _beamGeV = beam.InGeV;
        _alphaDark = alphaDark;
        _chiMassRatio = chiMassRatio;
        // Electrons per X0 column: N_A X0 Z/A (per gram of the mixture, summed over its elements).
        _electronsPerX0 = PhysicalConstants.AvogadroPerMol * target.RadiationLengthGPerCm2 * target.ZOverA;
        // 400 panels (6400 nodes, ≈ 0.03 GeV apart at 70 GeV of a 100 GeV beam) resolve the Breit–Wigner down to
        // Γ/m ≈ 10⁻³ (FWHM in E₊ ≈ 2Γ E_R/m); the default 24 panels suit only the smooth A′-strahlung cross section.
        (_energies, _weights, _endWeight) = TsaiTrackLength.QuadratureRule(_beamGeV, missingEnergyFraction * _beamGeV - PhysicalConstants.ElectronMassGeV, QuadraturePanels);
        Name = $"primary-positron-annihilation-tsai-T1/{target.Name}/{_beamGeV:G6}GeV/f={missingEnergyFraction:G4}/alphaD={alphaDark:G4}";
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The resonance mass of the beam energy, √(2 m_e E0 + 2 m_e²) (E_R = E0 in <see cref="ResonantAnnihilationCrossSection.ResonanceEnergy"/>), GeV.</summary>
    public static double ResonantMassGeV(double beamGeV)
    {
        const double me = PhysicalConstants.ElectronMassGeV;
        return Math.Sqrt(2 * me * beamGeV + 2 * me * me);
    }

    /// <inheritdoc />
    public double PerElectronOnTargetAtEps1(Mass m)
    {
        double mGeV = m.InGeV;
        // Below 2 m_e no e⁺e⁻ pair (s ≥ 4 m_e²) reaches the pole, and the cross section is not defined there.
        if (!(mGeV > 2 * PhysicalConstants.ElectronMassGeV)) return 0.0;
        var sigma = new ResonantAnnihilationCrossSection(mGeV, _chiMassRatio * mGeV, _alphaDark, WidthEpsilon);
        double integral = _endWeight * sigma.PerElectronCm2AtEps1(_beamGeV);
        for (int i = 0; i < _energies.Length; i++) integral += _weights[i] * sigma.PerElectronCm2AtEps1(_energies[i]);
        return _electronsPerX0 * integral;
    }
}

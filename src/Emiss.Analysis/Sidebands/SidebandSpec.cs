using Emiss.Events.Selection;

namespace Emiss.Analysis.Sidebands;

/// <summary>
/// How one sideband is extrapolated into the signal box: the sideband's fit range in its separating variable, the box
/// range, the central model and the variations whose spread is the systematic uncertainty
/// (docs/physics/background-method2.md#models).
/// </summary>
/// <param name="Name">A or C.</param>
/// <param name="FitLo">Lower edge of the fitted part of the sideband (the box edge).</param>
/// <param name="FitHi">Upper edge of the fitted part of the sideband.</param>
/// <param name="BoxLo">Lower edge of the box in the same variable.</param>
/// <param name="BoxHi">Upper edge of the box in the same variable.</param>
/// <param name="Central">The model whose extrapolation is the estimate.</param>
/// <param name="Variations">The other models; the largest distance of their box counts from the central one is the systematic.</param>
/// <param name="MinSlope">Smallest λ the exponential may take (per unit of the variable).</param>
/// <param name="MaxSlope">Largest λ the exponential may take.</param>
/// <param name="BeamEnergyGeV">E₀ of <see cref="ExtrapolationModel.BremsstrahlungLoss"/>; above <paramref name="FitHi"/> where that model is used.</param>
public sealed record SidebandSpec(string Name, double FitLo, double FitHi, double BoxLo, double BoxHi, ExtrapolationModel Central,
                                  IReadOnlyList<ExtrapolationModel> Variations, double MinSlope, double MaxSlope, double BeamEnergyGeV)
{
    /// <summary>
    /// Sideband A (E_ECAL below the box edge, E_HCAL above it) in E_HCAL. Only E_HCAL &lt; E₀ − (box's E_ECAL edge) is
    /// fitted: above it lies the seed's region II, events that conserve energy (E_ECAL + E_HCAL ≃ E₀, so E_HCAL ≳ 50 GeV
    /// for E_ECAL &lt; 50 GeV) and whose leak into the box through the resolution the seed finds negligible — other
    /// physics than the tail that reaches E_HCAL → 0.
    /// The exponential (central) and the flat density are finite at E_HCAL = 0; a power law is not, so it is not used.
    /// λ is bounded to |λ|·(fit width) ≤ 50, wide enough for any sideband that holds events.
    /// </summary>
    public static SidebandSpec ForA(SignalRegions regions, double beamEnergyGeV)
    {
        ArgumentNullException.ThrowIfNull(regions);
        if (BeamEnergyProblem(regions, beamEnergyGeV) is { } problem) throw new ArgumentException(problem, nameof(beamEnergyGeV));
        double top = beamEnergyGeV - regions.EcalMaxGeV;
        double width = top - regions.HcalMaxGeV;
        return new SidebandSpec("A", regions.HcalMaxGeV, top, 0, regions.HcalMaxGeV, ExtrapolationModel.Exponential,
                                [ExtrapolationModel.Flat], -50 / width, 50 / width, beamEnergyGeV);
    }

    /// <summary>
    /// Sideband C (E_ECAL between the box edge and the trigger threshold, E_HCAL in the box) in E_ECAL, extrapolated down
    /// to the trigger's cluster threshold. Central: the bremsstrahlung energy-loss spectrum of the seed's population.
    /// Variation: an exponential fitted to the sideband whose density does not grow towards lower E_ECAL (λ ≤ 0): a
    /// density rising towards the box would grow without bound over its 49 GeV, which no process in the sideband does (a
    /// larger loss is rarer or, for bremsstrahlung at y → 1, as likely). The flat density is its bound λ = 0, reached
    /// when the sideband's events do not fall towards the box, and is not listed separately.
    /// </summary>
    public static SidebandSpec ForC(SignalRegions regions, double triggerEcalMinGeV, double beamEnergyGeV)
    {
        ArgumentNullException.ThrowIfNull(regions);
        if (BeamEnergyProblem(regions, beamEnergyGeV) is { } problem) throw new ArgumentException(problem, nameof(beamEnergyGeV));
        double width = regions.SidebandCEcalMaxGeV - regions.EcalMaxGeV;
        return new SidebandSpec("C", regions.EcalMaxGeV, regions.SidebandCEcalMaxGeV, triggerEcalMinGeV, regions.EcalMaxGeV,
                                ExtrapolationModel.BremsstrahlungLoss, [ExtrapolationModel.Exponential],
                                -50 / width, 0, beamEnergyGeV);
    }

    /// <summary>Why method 2 cannot use <paramref name="beamEnergyGeV"/> with <paramref name="regions"/>, or null when it can:
    /// sideband C's bremsstrahlung model needs E₀ above the sideband, and A's fit range E₀ − (box's E_ECAL edge) above
    /// the box's E_HCAL edge.</summary>
    public static string? BeamEnergyProblem(SignalRegions regions, double beamEnergyGeV)
    {
        ArgumentNullException.ThrowIfNull(regions);
        double min = Math.Max(regions.SidebandCEcalMaxGeV, regions.EcalMaxGeV + regions.HcalMaxGeV);
        return beamEnergyGeV > min ? null : string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{beamEnergyGeV:G6} GeV is not above {min:G6} GeV, the upper edge of sideband C (regions.sidebandCEcalMaxGeV) that method 2 extrapolates with the beam's bremsstrahlung spectrum");
    }

    /// <summary>The central model followed by the variations.</summary>
    public IEnumerable<ExtrapolationModel> Models => Variations.Prepend(Central);
}

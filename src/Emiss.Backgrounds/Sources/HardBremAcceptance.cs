using Emiss.Detector.BeamLine;
using Emiss.Detector.Calorimetry;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;

namespace Emiss.Backgrounds.Sources;

/// <summary>
/// Where a hard bremsstrahlung photon emitted in a beam-line material plane and its softened electron can fire the
/// physics trigger (S1·S2·S3 and an in-time ECAL sum between its thresholds), from the set-up's ideal optics
/// (<see cref="BeamLineTransport.SoftenedElectronX"/>, <see cref="BeamLineTransport.PhotonX"/>;
/// docs/physics/beam-line.md#where-a-hard-photon-and-its-electron-go). The ranges only shape the importance density of
/// <see cref="UpstreamInteractionSource"/>'s biased process: they are drawn generously (margins below) and the weights
/// stay exact whatever they are, so a configuration they miss is still sampled, only less often.
/// </summary>
public static class HardBremAcceptance
{
    /// <summary>Margin added to a counter's half-width, cm: covers the beam spot and divergence (3σ: 0.9 cm each at
    /// S3 for 3 mm and 0.1 mrad over 30 m) and the multiple scattering of a ≥ 10 GeV electron in the map (&lt; 0.1 cm).</summary>
    public const double CounterMarginCm = 2.0;

    /// <summary>Standard deviations of the trigger's analog sum allowed below the ceiling and above the floor.</summary>
    public const double TriggerSigmas = 5.0;

    /// <summary>Points of the logarithmic y grid per plane; a grid cell is open if either end can trigger.</summary>
    public const int GridPoints = 400;

    /// <summary>Whether a photon with fraction <paramref name="y"/> emitted in plane <paramref name="plane"/> leaves an
    /// event that can fire the physics trigger: the softened electron inside every counter downstream of the plane
    /// (half-width + <see cref="CounterMarginCm"/>), the energy surely inside the ECAL (particles more than a Molière radius
    /// inside its edges) below the ceiling and the energy possibly inside it (within a Molière radius outside) above
    /// the floor, both by <see cref="TriggerSigmas"/> of the sum's resolution.</summary>
    public static bool CanTrigger(DetectorModel model, int plane, double y)
    {
        ArgumentNullException.ThrowIfNull(model);
        SetupCard card = model.Card;
        BeamLineTransport line = model.BeamLine;
        double z = line.MaterialPlanes[plane].ZCm;
        foreach (CounterOptions c in card.Spectrometer.Counters)
            if (c.ZCm > z && SurelyMisses(c, line.SoftenedElectronX(plane, y, c.ZCm))) return false;
        (double lo, double hi) = EcalEdgesCm(model);
        double rm = model.Layout.EcalMoliereRadiusCm;
        double xe = line.SoftenedElectronX(plane, y, 0), xg = line.PhotonX(plane, 0), e0 = card.Beam.EnergyGeV;
        double Inside(double x, double grow) => x > lo - grow && x < hi + grow ? 1 : 0;
        double surely = (1 - y) * e0 * Inside(xe, -rm) + y * e0 * Inside(xg, -rm);
        double possibly = (1 - y) * e0 * Inside(xe, rm) + y * e0 * Inside(xg, rm);
        double sigma = card.Trigger.SumResolutionRel;
        return surely * (1 - TriggerSigmas * sigma) < card.Trigger.EcalMaxGeV && possibly * (1 + TriggerSigmas * sigma) > card.Trigger.EcalMinGeV;
    }

    /// <summary>Whether a particle crossing counter <paramref name="c"/>'s plane <paramref name="xFromBeamCm"/> from the nominal
    /// beam surely misses it: beyond its half-width plus <see cref="CounterMarginCm"/>.</summary>
    internal static bool SurelyMisses(CounterOptions c, double xFromBeamCm) => Math.Abs(xFromBeamCm) > c.HalfWidthCm + CounterMarginCm;

    /// <summary>The ECAL face's x range relative to the nominal beam, cm: the low edge of its first cell column and the high
    /// edge of its last.</summary>
    internal static (double Lo, double Hi) EcalEdgesCm(DetectorModel model)
    {
        CalorimeterLayout l = model.Layout;
        return (l.CellLowX(0), l.CellLowX(model.Card.Ecal.CellsX - 1) + model.Card.Ecal.CellSizeCm);
    }

    /// <summary>For each material plane, the sorted disjoint ranges of y ∈ [<paramref name="yHard"/>, 1) in which
    /// <see cref="CanTrigger"/> holds at either end of a cell of the logarithmic grid (empty where none).</summary>
    public static IReadOnlyList<(double Lo, double Hi)>[] TriggerWindows(DetectorModel model, double yHard)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!(yHard > 0 && yHard < 1)) throw new ArgumentOutOfRangeException(nameof(yHard), yHard, "y_hard must lie in (0, 1)");
        const double top = 1 - 1e-6;   // the electron keeps at least its mass; the optics need y < 1
        int planes = model.BeamLine.MaterialPlanes.Count;
        var windows = new IReadOnlyList<(double Lo, double Hi)>[planes];
        for (int j = 0; j < planes; j++)
        {
            var list = new List<(double Lo, double Hi)>();
            double prevY = yHard;
            bool prevOpen = CanTrigger(model, j, prevY);
            for (int i = 1; i <= GridPoints; i++)
            {
                double y = yHard * Math.Pow(top / yHard, (double)i / GridPoints);
                bool open = CanTrigger(model, j, y);
                if (open || prevOpen)
                {
                    if (list.Count > 0 && list[^1].Hi == prevY) list[^1] = (list[^1].Lo, y);
                    else list.Add((prevY, y));
                }
                (prevY, prevOpen) = (y, open);
            }
            windows[j] = list;
        }
        return windows;
    }
}

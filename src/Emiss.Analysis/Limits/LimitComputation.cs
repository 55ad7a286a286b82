using System.Globalization;
using Emiss.Analysis.Efficiency;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Emiss.Physics.YieldModels;
using Emiss.Signal.MonteCarloYield;

namespace Emiss.Analysis.Limits;

/// <summary>
/// The limit of a counting search from a resolved request: builds the production model and the signal yield
/// (analytic primary-electron track length, or the shower Monte Carlo), scans the mass grid
/// (<see cref="ExclusionScan"/>) and evaluates the g−2 band on the same masses.
/// </summary>
public static class LimitComputation
{
    /// <summary>Computes the exclusion and the g−2 band. Computations given the same <paramref name="etl"/> share its
    /// exact-tree-level spectra (results are bit for bit those of a computation with its own).</summary>
    public static LimitResult Run(LimitRequest request, EtlSpectrumCache? etl = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        IDarkProductionModel production = DarkProductionModels.Create(request.Mediator, request.Production, etl);
        ISignalYieldModel yield = request.ShowerYield is { } mc
            // One shower pass scores every mass of the grid (streams keyed by event index, all cores).
            ? new ScannedSignalYield(MonteCarloYieldScan.Run([.. request.MassesMeV.Select(m => new YieldScanPoint(production, Mass.FromMeV(m)))],
                mc.Geometry, request.Beam, mc.Events, request.Seed, request.MissingEnergyMinFraction, Environment.ProcessorCount), production.Name)
            : new TrackLengthSignalYield(production, request.Target, request.Beam, request.MissingEnergyMinFraction);
        var efficiency = new LogMassInterpolatedEfficiency(request.Efficiency.MassMeV, request.Efficiency.Signal,
            string.Create(CultureInfo.InvariantCulture, $"run card '{request.Name}' (linear in ln m between nodes)"));
        ExclusionScanResult scan = ExclusionScan.Run(request.MassesMeV, yield, efficiency, request.Runs, request.Counting);
        GMinus2Band band = GMinus2Band.For(request.Mediator, request.GMinus2, scan.Points.Select(p => p.MassMeV).ToArray());
        return new LimitResult(scan, band, production.Description, LimitLabels.For(request));
    }
}

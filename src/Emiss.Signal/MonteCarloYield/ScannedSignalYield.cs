using Emiss.Core.Units;
using Emiss.Physics.YieldModels;

namespace Emiss.Signal.MonteCarloYield;

/// <summary>
/// The total yields of one production model from a <see cref="MonteCarloYieldScan"/> behind the yield-model interface, so that
/// an exclusion scan over the same masses reads them; only the scanned masses are defined.
/// </summary>
public sealed class ScannedSignalYield : ISignalYieldModel
{
    private readonly YieldScanResult _scan;
    private readonly string _modelName;

    /// <summary>Wraps the points of <paramref name="scan"/> whose model is named <paramref name="modelName"/>.</summary>
    public ScannedSignalYield(YieldScanResult scan, string modelName)
    {
        _scan = scan ?? throw new ArgumentNullException(nameof(scan));
        _modelName = modelName ?? throw new ArgumentNullException(nameof(modelName));
        Name = $"shower-mc-scan/{modelName}/{scan.GeometryName}/{scan.BeamGeV:G6}GeV/E_cut={scan.CutGeV:G6}GeV/N={scan.Events} shared by {scan.Points.Count} points";
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The scan.</summary>
    public YieldScanResult Scan => _scan;

    /// <inheritdoc />
    public double PerElectronOnTargetAtEps1(Mass m)
    {
        int p = _scan.IndexOf(_modelName, m.InMeV);
        if (p < 0) throw new ArgumentOutOfRangeException(nameof(m), m.InMeV, $"mass not in the Monte Carlo scan of {_modelName}");
        return _scan.Total[p].Value;
    }
}

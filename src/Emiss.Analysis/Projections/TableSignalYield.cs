using Emiss.Core.Units;
using Emiss.Physics.YieldModels;
using Emiss.Signal.MonteCarloYield;

namespace Emiss.Analysis.Projections;

/// <summary>A yield table behind the yield-model interface, so that an exclusion scan can run on cached yields; only the table's masses are defined.</summary>
public sealed class TableSignalYield : ISignalYieldModel
{
    private readonly double[] _massMeV;
    private readonly double[] _yield;

    /// <summary>The A′-strahlung part of <paramref name="table"/>, plus its annihilation part when <paramref name="withAnnihilation"/>.</summary>
    public TableSignalYield(YieldTable table, bool withAnnihilation)
    {
        ArgumentNullException.ThrowIfNull(table);
        _massMeV = [.. table.MassMeV];
        _yield = Enumerable.Range(0, _massMeV.Length).Select(i => table.Bremsstrahlung[i] + (withAnnihilation ? table.Annihilation[i] : 0.0)).ToArray();
        Name = "yield table " + table.Inputs.Hash[..16] + (withAnnihilation ? "" : " (A′-strahlung only)") + ": " + table.Description;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public double PerElectronOnTargetAtEps1(Mass m)
    {
        int i = MassGridLookup.IndexOf(_massMeV, m.InMeV);
        return i >= 0 ? _yield[i] : throw new ArgumentOutOfRangeException(nameof(m), m.InMeV, "mass not in the yield table");
    }
}

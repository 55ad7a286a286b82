using Emiss.Core.Constants;

namespace Emiss.Shower.Processes.Bremsstrahlung;

/// <summary>
/// The engine's bracket (dσ/dk = α r_e² {…}/k) of one element at one electron energy, with what depends only on the
/// energy fixed once: below <see cref="BremsstrahlungXsCalculator.TableBelowKineticGeV"/> the Seltzer–Berger table's row
/// position and the factor Z²/(β² α r_e²) that turns its χ into the bracket, above it Tsai's formula. The sampler's
/// trials and the cross-section integrals evaluate it at many k for one E.
/// </summary>
public readonly struct BremsstrahlungBracket
{
    private readonly BremsstrahlungElement _element;
    private readonly double _totalEnergyGeV, _kineticGeV, _scale;
    private readonly SeltzerBergerTable? _table;
    private readonly SeltzerBergerTable.RowPosition _row;

    /// <summary>The bracket of <paramref name="element"/> for an electron of total energy <paramref name="totalEnergyGeV"/>.</summary>
    public BremsstrahlungBracket(in BremsstrahlungElement element, double totalEnergyGeV)
    {
        _element = element;
        _totalEnergyGeV = totalEnergyGeV;
        _kineticGeV = totalEnergyGeV - PhysicalConstants.ElectronMassGeV;
        if (_kineticGeV < BremsstrahlungXsCalculator.TableBelowKineticGeV)
        {
            _table = SeltzerBergerTable.For(element.Z);
            _row = _table.RowAt(_kineticGeV);
            _scale = TableScale(element.Z, _kineticGeV);
        }
    }

    /// <summary>The bracket at photon energy <paramref name="kGeV"/>.</summary>
    public double At(double kGeV) => _table is null
        ? BremsstrahlungXsCalculator.TsaiBracket(_element, _totalEnergyGeV, kGeV)
        : _scale * _table.ChiMb(_row, kGeV / _kineticGeV);

    /// <summary>
    /// Upper bound of the bracket for all k' ≥ <paramref name="kGeV"/>: the larger row maximum of the two table rows,
    /// or for Tsai's formula the smaller of <paramref name="tsaiMajorant"/> (<see cref="BremsstrahlungXsCalculator.BracketMajorant"/>)
    /// and <see cref="BremsstrahlungXsCalculator.TsaiBracketBoundAbove"/>.
    /// </summary>
    public double BoundAbove(double kGeV, double tsaiMajorant) => _table is null
        ? Math.Min(tsaiMajorant, BremsstrahlungXsCalculator.TsaiBracketBoundAbove(_element, _totalEnergyGeV, kGeV))
        : _scale * _table.MaxChiMb(_row);

    /// <summary>Bracket per mb of χ at kinetic energy T: k dσ/dk = (Z²/β²) χ, and dσ/dk = α r_e² {…}/k.</summary>
    private static double TableScale(int z, double kineticGeV)
    {
        double e = kineticGeV + PhysicalConstants.ElectronMassGeV;
        double beta2 = kineticGeV * (kineticGeV + 2.0 * PhysicalConstants.ElectronMassGeV) / (e * e);
        const double CmPerMb = 1e-27;
        return (double)z * z * CmPerMb / (beta2 * BremsstrahlungXsCalculator.AlphaRe2Cm2);
    }
}

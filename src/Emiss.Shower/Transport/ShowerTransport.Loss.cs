using Emiss.Core.Random;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Processes.Ionisation;

namespace Emiss.Shower.Transport;

/// <summary>Continuous energy loss of a charged step (range tables and Urban fluctuations).</summary>
public sealed partial class ShowerTransport
{
    /// <summary>Energy lost over the true path <paramref name="s"/> (range table, Urban fluctuations); true in
    /// <paramref name="stopped"/> if the path reaches the range.</summary>
    private double ElossOver(double s, double range, GridPoint at, int type, int mat, double mass, double kinetic, ref EventRng rng,
        out bool stopped)
    {
        stopped = false;
        if (s >= range) { stopped = true; return kinetic; }
        EnergyGrid grid = _physics.Grid;
        int ng = grid.Count;
        double eloss = s < 0.01 * range
            ? EnergyGrid.Interpolate(_physics.DedxTables[type].AsSpan(mat * ng, ng), at) * s
            : kinetic - _physics.InverseRange(type, mat, range - s);
        if (_fluct && eloss > 0)
        {
            // Every charged species loses continuously below the e± production cut (muons: restricted Bethe loss, δ rays above).
            var species = (ShowerSpecies)type;
            double tmax = UrbanFluctuation.MaxTransferGeV(species, kinetic, mass);
            double tcut = Math.Min(_eCut[mat], tmax);
            eloss = Math.Min(_physics.Fluctuations[mat].Sample(eloss, kinetic, mass, tcut, tmax, s, ref rng), kinetic);
        }
        return eloss;
    }
}

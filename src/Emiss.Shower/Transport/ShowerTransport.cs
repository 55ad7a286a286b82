using System.Diagnostics;
using System.Runtime.CompilerServices;
using Emiss.Core.Constants;
using Emiss.Core.Random;
using Emiss.Shower.Fast;
using Emiss.Shower.Geometry;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Processes;
using Emiss.Shower.Processes.Annihilation;
using Emiss.Shower.Processes.Kinematics;
using Emiss.Shower.Processes.MultipleScattering;
using Emiss.Shower.Scoring;

namespace Emiss.Shower.Transport;

/// <summary>
/// The transport loop (condensed history, class II). One instance per worker thread: it owns the particle stack
/// and reuses it, so a warmed-up event allocates nothing. The loop only sees <see cref="IProcess"/>,
/// <see cref="IMultipleScattering"/> and the tables of <see cref="ShowerPhysics"/>; it never names a model.
/// <para>Charged step = min(distance to the next discrete interaction, step-function limit
/// αR + ρ(1 − α)(2 − ρ/R) (Geant4 StepFunction(α, ρ); α = 0.2 of the residual range R, PHYSICS.md §3.6),
/// distance to the next boundary). Continuous loss from the range table with Bohr straggling; deposit at the
/// step midpoint; Highland deflection and lateral displacement at the end of the step. Particles below their cut
/// deposit their kinetic energy locally; stopping positrons annihilate at rest.</para>
/// </summary>
public sealed class ShowerTransport
{
    private const double MuonTrackingCutGeV = 1e-3;
    private readonly ShowerPhysics _physics;
    private readonly SlabStack _geo;
    private readonly ParticleStack _stack = new();
    private readonly double[] _eCut, _x0;
    private readonly IProcess[] _processes;
    private readonly IMultipleScattering? _msc;
    private readonly bool _fluct;
    private readonly double _stepFraction, _finalRange, _trackingCut, _mscLambdaFactor;
    private readonly bool _profile;
    private readonly long[] _processTicks, _processCalls;
    private readonly ShowerLibrary? _library;
    private long _mscTicks;

    /// <summary>Creates a worker for <paramref name="physics"/>. With <paramref name="profile"/> the time spent in each
    /// process's interactor and in multiple scattering is measured (adds ~50 ns per measured call).</summary>
    public ShowerTransport(ShowerPhysics physics, bool profile = false)
    {
        ArgumentNullException.ThrowIfNull(physics);
        _physics = physics;
        _geo = physics.Geometry;
        _eCut = [.. physics.Materials.Materials.Select(m => m.ElectronCutGeV)];
        _x0 = [.. physics.Materials.Materials.Select(m => m.RadiationLengthCm)];
        _processes = [.. physics.Processes];
        _msc = physics.Scattering;
        _fluct = physics.Options.EnergyLossFluctuations;
        _stepFraction = physics.Options.StepFraction;
        _finalRange = physics.Options.FinalRangeCm;
        _trackingCut = physics.Options.TrackingCutGeV;
        _mscLambdaFactor = physics.Options.MscStepLambdaFactor;
        _profile = profile;
        _processTicks = new long[_processes.Length];
        _processCalls = new long[_processes.Length];
    }

    /// <summary>Creates a worker that replaces low-energy e± and γ by showers of <paramref name="library"/> (fast mode;
    /// null = analog). The library must have been built for this <paramref name="physics"/> instance.</summary>
    /// <exception cref="ArgumentException">The library belongs to other physics.</exception>
    public ShowerTransport(ShowerPhysics physics, ShowerLibrary? library, bool profile = false)
        : this(physics, profile)
    {
        if (library is not null && !ReferenceEquals(library.Physics, physics))
            throw new ArgumentException("the shower library was built for another ShowerPhysics instance", nameof(library));
        _library = library;
    }

    /// <summary>The shower library in use (fast mode), or null (analog).</summary>
    public ShowerLibrary? Library => _library;

    /// <summary>The physics this worker transports with.</summary>
    public ShowerPhysics Physics => _physics;

    /// <summary>Stopwatch ticks spent in each process's <see cref="IProcess.Interact"/> (profiling mode), by process index.</summary>
    public IReadOnlyList<long> ProcessTicks => _processTicks;

    /// <summary>Number of <see cref="IProcess.Interact"/> calls per process.</summary>
    public IReadOnlyList<long> ProcessCalls => _processCalls;

    /// <summary>Stopwatch ticks spent in multiple scattering (profiling mode).</summary>
    public long ScatteringTicks => _mscTicks;

    /// <summary>
    /// Transports one primary entering the stack at z = 0, (x, y), along +z, and all its descendants.
    /// </summary>
    /// <param name="type">Primary species.</param>
    /// <param name="kineticGeV">Primary kinetic energy, GeV.</param>
    /// <param name="rng">The event's random stream (RngStreams.For(seed, StreamKind.Shower, eventIndex)).</param>
    /// <param name="observer">Hooks (scorers, estimators); passed by ref so struct state persists.</param>
    /// <param name="xCm">Entry point x on the front face, cm.</param>
    /// <param name="yCm">Entry point y on the front face, cm.</param>
    public EventLedger RunEvent<TObserver>(ShowerSpecies type, double kineticGeV, ref EventRng rng, ref TObserver observer, double xCm = 0.0, double yCm = 0.0)
        where TObserver : struct, IShowerObserver
        => RunFrom(type, kineticGeV, xCm, yCm, 0.0, 0, ref rng, ref observer, true);

    /// <summary>Transports one particle starting at (x, y, z) inside <paramref name="slab"/>, along +z, and its descendants.</summary>
    internal EventLedger RunFrom<TObserver>(ShowerSpecies type, double kineticGeV, double xCm, double yCm, double zCm, int slab,
        ref EventRng rng, ref TObserver observer, bool primary = false)
        where TObserver : struct, IShowerObserver
    {
        var ledger = new EventLedger { BudgetGeV = ShowerSpeciesInfo.BudgetGeV(type, kineticGeV), PositronsCreated = type == ShowerSpecies.Positron ? 1 : 0 };
        _stack.Clear();
        _stack.Push(type, kineticGeV, xCm, yCm, zCm, 0.0, 0.0, 1.0, slab, primary);
        while (_stack.Count > 0)
        {
            int i = _stack.Pop();
            var p = new Track
            {
                Type = _stack.Type[i], T = _stack.T[i], X = _stack.X[i], Y = _stack.Y[i], Z = _stack.Z[i],
                Ux = _stack.Ux[i], Uy = _stack.Uy[i], Uz = _stack.Uz[i], Slab = _stack.Slab[i], Primary = _stack.Primary[i],
            };
            if (_library is not null && TrySubstitute(ref p, ref rng, ref observer, ref ledger)) continue;
            if (p.Type == ShowerSpecies.Gamma) TransportPhoton(ref p, ref rng, ref observer, ref ledger);
            else TransportCharged(ref p, ref rng, ref observer, ref ledger);
        }
        return ledger;
    }

    /// <summary>Fast mode: replaces the particle by a library shower if it is in the library's range; true if it did.</summary>
    private bool TrySubstitute<TObserver>(ref Track p, ref EventRng rng, ref TObserver obs, ref EventLedger ledger)
        where TObserver : struct, IShowerObserver
    {
        if (!_library!.Applies(p.Type, p.T, p.Slab)) return false;
        if (p.Type == ShowerSpecies.Positron) ledger.PositronsEnded++;
        (double dep, double esc) = _library.Substitute(p.Type, p.T, p.X, p.Y, p.Slab, p.Ux, p.Uy, p.Uz, ref rng, ref obs);
        ledger.DepositedGeV += dep;
        if (esc > 0)
        {
            obs.OnLeak(p.Type, esc);
            ledger.LeakedGeV += esc;
        }
        return true;
    }

    private struct Track
    {
        public ShowerSpecies Type;
        public double T, X, Y, Z, Ux, Uy, Uz;
        public int Slab;
        public bool Primary;
    }

    private void TransportCharged<TObserver>(ref Track p, ref EventRng rng, ref TObserver obs, ref EventLedger ledger)
        where TObserver : struct, IShowerObserver
    {
        int type = (int)p.Type;
        bool isElectronLike = p.Type is ShowerSpecies.Electron or ShowerSpecies.Positron;
        double mass = ShowerSpeciesInfo.MassGeV(p.Type);
        EnergyGrid grid = _physics.Grid;
        int ng = grid.Count;
        double nLambda = rng.NextExponential();
        while (true)
        {
            int mat = _geo.SlabMaterial[p.Slab];
            double cut = isElectronLike ? _eCut[mat] : MuonTrackingCutGeV;
            double lnT = Math.Log(p.T);
            ReadOnlySpan<double> rangeTab = _physics.RangeTables[type].AsSpan(mat * ng, ng);
            double range = grid.Interpolate(rangeTab, lnT);
            if (p.T <= cut)
            {
                // Below the production cut: range rejection (cannot leave the slab), else keep tracking to the tracking cut.
                double safety = Math.Min(p.Z - _geo.ZEdgesCm[p.Slab], _geo.ZEdgesCm[p.Slab + 1] - p.Z);
                if (!isElectronLike || p.T <= _trackingCut || range < safety)
                {
                    Stop(ref p, ref rng, ref obs, ref ledger);
                    return;
                }
            }
            double sigTot = grid.Interpolate(_physics.SigmaTotal[type][mat], lnT);
            double sInt = sigTot > 0 ? nLambda / sigTot : double.PositiveInfinity;
            double sLoss = range > _finalRange
                ? _stepFraction * range + _finalRange * (1.0 - _stepFraction) * (2.0 - _finalRange / range)
                : range;
            (double sGeo, bool lateral) = DistanceToBoundary(ref p);
            // True path t (energy loss, interactions) versus geometric advance z = λ1(1 − e^{−t/λ1}) along the
            // initial direction (path-length correction, as in condensed-history codes; λ1 from the MSC model).
            double tLim = Math.Min(sInt, sLoss);
            double lambda1 = double.PositiveInfinity;
            if (_msc is not null)
            {
                lambda1 = _msc.TransportMeanFreePathCm(p.T, mass, Math.Min(tLim, range), _x0[mat]);
                // MSC step limit near boundaries: where the particle can still reach a slab face (R > safety), keep
                // t ≤ max(λ1, safety) so that diffusion (including backscattering out of the slab) is built up from
                // steps with τ ≲ 1 instead of one deterministic geometric advance (cf. Geant4 Urban "UseSafety").
                double safety = Math.Min(p.Z - _geo.ZEdgesCm[p.Slab], _geo.ZEdgesCm[p.Slab + 1] - p.Z);
                double tMsc = Math.Max(_mscLambdaFactor * lambda1, safety);
                if (range > safety && tLim > tMsc)
                {
                    tLim = tMsc;
                    lambda1 = _msc.TransportMeanFreePathCm(p.T, mass, tLim, _x0[mat]);
                }
            }
            double zLim = GeometricLength(tLim, lambda1);
            double s, zStep;
            int limit;
            if (zLim >= sGeo)
            {
                zStep = sGeo;
                s = Math.Min(TrueLength(sGeo, lambda1), tLim);
                limit = lateral ? 2 : 1;
            }
            else
            {
                zStep = zLim;
                s = tLim;
                limit = tLim == sInt ? 3 : 0;
            }

            double eloss;
            bool stopped = false;
            if (s >= range) { eloss = p.T; stopped = true; }
            else
            {
                if (s < 0.01 * range) eloss = grid.Interpolate(_physics.DedxTables[type].AsSpan(mat * ng, ng), lnT) * s;
                else eloss = p.T - _physics.InverseRange(type, mat, range - s);
                if (_fluct && eloss > 0)
                {
                    double e = p.T + mass, beta2 = p.T * (p.T + 2 * mass) / (e * e);
                    double tcut = isElectronLike ? Math.Min(cut, p.Type == ShowerSpecies.Positron ? p.T : 0.5 * p.T) : cut;
                    double sigma = Math.Sqrt(_physics.BohrFactor[mat] * tcut * s * (1.0 - 0.5 * beta2));
                    // Symmetric truncation at [0, 2Δ] keeps the mean loss.
                    double fl = eloss + sigma * Gaussian(ref rng);
                    eloss = Math.Clamp(fl, 0.0, Math.Min(2.0 * eloss, p.T));
                }
            }
            obs.OnStep(new StepPoint(p.Type, p.Primary, p.T, eloss, s, p.Slab, mat, _x0[mat]));
            ledger.ChargedSteps++;
            double xm = p.X + 0.5 * zStep * p.Ux, ym = p.Y + 0.5 * zStep * p.Uy;
            p.X += zStep * p.Ux; p.Y += zStep * p.Uy; p.Z += zStep * p.Uz;
            if (eloss > 0)
            {
                obs.OnDeposit(p.Slab, xm, ym, eloss);
                ledger.DepositedGeV += eloss;
            }
            p.T -= eloss;
            if (stopped || p.T <= 0)
            {
                p.T = 0;
                Stop(ref p, ref rng, ref obs, ref ledger);
                return;
            }
            nLambda -= sigTot * s;
            bool forward = p.Uz > 0;       // side of the face reached, fixed before scattering can turn the direction
            if (_msc is not null && s > 0)
            {
                long t1 = _profile ? Stopwatch.GetTimestamp() : 0;
                // θ0² ∝ t (the Highland log term varies slowly), so λ1 computed for the limiting step serves the actual one.
                ScatteringSample ms = _msc.Sample(s, lambda1, ref rng);
                double u0x = p.Ux, u0y = p.Uy, u0z = p.Uz;
                (p.Ux, p.Uy, p.Uz) = Direction.RotateUz(u0x, u0y, u0z, ms.SinTheta * ms.CosPhi, ms.SinTheta * ms.SinPhi, ms.CosTheta);
                (double dx, double dy, double dz) = Direction.RotateUz(u0x, u0y, u0z, ms.DxCm, ms.DyCm, 0.0);
                p.X += dx; p.Y += dy;
                if (limit != 1)
                {
                    // Keep the displaced end point inside the current slab; a boundary-limited step stays on its plane.
                    double zlo = _geo.ZEdgesCm[p.Slab], zhi = _geo.ZEdgesCm[p.Slab + 1];
                    p.Z = Math.Clamp(p.Z + dz, zlo + 1e-9 * (zhi - zlo), zhi - 1e-9 * (zhi - zlo));
                }
                if (_profile) _mscTicks += Stopwatch.GetTimestamp() - t1;
                if (limit != 2 && Outside(p.X, p.Y)) limit = 2;
            }
            if (limit == 2) { Leak(ref p, ref obs, ref ledger); return; }
            if (limit == 1)
            {
                if (!CrossPlane(ref p, forward)) { Leak(ref p, ref obs, ref ledger); return; }
                continue;
            }
            if (limit == 3)
            {
                if (!Interact(ref p, mat, ref rng, ref obs, ref ledger)) return;
                if (_library is not null && TrySubstitute(ref p, ref rng, ref obs, ref ledger)) return;
                nLambda = rng.NextExponential();
            }
        }
    }

    /// <summary>
    /// Photons use delta (Woodcock) tracking through the slab stack: flights are sampled with the largest Σ of all
    /// materials, and a tentative collision is real with probability Σ(material here)/Σ_max (Woodcock et al., ANL-7050
    /// (1965)). This is exact and removes the slab-boundary steps (a photon crosses ~7 thin ECAL layers per
    /// interaction). Observers still see one step per slab crossed, with its own length and X0.
    /// </summary>
    private void TransportPhoton<TObserver>(ref Track p, ref EventRng rng, ref TObserver obs, ref EventLedger ledger)
        where TObserver : struct, IShowerObserver
    {
        EnergyGrid grid = _physics.Grid;
        double[][] sigmaGamma = _physics.SigmaTotal[(int)ShowerSpecies.Gamma];
        while (true)
        {
            if (p.T <= _trackingCut)
            {
                Stop(ref p, ref rng, ref obs, ref ledger);
                return;
            }
            double lnK = Math.Log(p.T);
            double sigMax = grid.Interpolate(_physics.SigmaMaxGamma, lnK);
            double s = sigMax > 0 ? rng.NextExponential() / sigMax : double.PositiveInfinity;
            double sExit = DistanceToExit(ref p);
            bool leaves = s >= sExit;
            if (leaves) s = sExit;
            ScorePhotonFlight(ref p, s, ref obs);
            ledger.NeutralSteps++;
            p.X += s * p.Ux; p.Y += s * p.Uy; p.Z += s * p.Uz;
            if (leaves) { Leak(ref p, ref obs, ref ledger); return; }
            LocateSlab(ref p);
            int mat = _geo.SlabMaterial[p.Slab];
            double sig = grid.Interpolate(sigmaGamma[mat], lnK);
            if (rng.NextDouble() * sigMax >= sig) continue;       // virtual collision
            if (!Interact(ref p, mat, ref rng, ref obs, ref ledger)) return;
            if (_library is not null && TrySubstitute(ref p, ref rng, ref obs, ref ledger)) return;
        }
    }

    /// <summary>Reports a straight photon flight of length <paramref name="s"/> from the current point as one step per slab crossed.</summary>
    private void ScorePhotonFlight<TObserver>(ref Track p, double s, ref TObserver obs)
        where TObserver : struct, IShowerObserver
    {
        int slab = p.Slab;
        double z = p.Z, left = s;
        while (left > 0)
        {
            double seg;
            int next;
            if (p.Uz > 0) { seg = (_geo.ZEdgesCm[slab + 1] - z) / p.Uz; next = slab + 1; }
            else if (p.Uz < 0) { seg = (_geo.ZEdgesCm[slab] - z) / p.Uz; next = slab - 1; }
            else { seg = left; next = slab; }
            if (seg >= left || (uint)next >= (uint)_geo.SlabCount) seg = left;
            if (seg < 0) seg = 0;
            int mat = _geo.SlabMaterial[slab];
            if (seg > 0) obs.OnStep(new StepPoint(ShowerSpecies.Gamma, p.Primary, p.T, 0.0, seg, slab, mat, _x0[mat]));
            left -= seg;
            if (left <= 0 || next == slab) break;
            z = p.Uz > 0 ? _geo.ZEdgesCm[next] : _geo.ZEdgesCm[slab];
            slab = next;
        }
    }

    /// <summary>Distance along the direction to leaving the world (stack faces or lateral boundary), cm.</summary>
    private double DistanceToExit(ref Track p)
    {
        double sz = p.Uz > 0 ? (_geo.LengthCm - p.Z) / p.Uz : p.Uz < 0 ? -p.Z / p.Uz : double.PositiveInfinity;
        double st = DistanceToLateral(ref p);
        return Math.Max(0.0, Math.Min(sz, st));
    }

    /// <summary>Finds the slab containing the current z, walking from the previous one.</summary>
    private void LocateSlab(ref Track p)
    {
        int i = p.Slab;
        while (i < _geo.SlabCount - 1 && p.Z > _geo.ZEdgesCm[i + 1]) i++;
        while (i > 0 && p.Z < _geo.ZEdgesCm[i]) i--;
        p.Slab = i;
    }

    /// <summary>Samples the process, applies the final state; false if the particle is gone.</summary>
    private bool Interact<TObserver>(ref Track p, int mat, ref EventRng rng, ref TObserver obs, ref EventLedger ledger)
        where TObserver : struct, IShowerObserver
    {
        int type = (int)p.Type;
        int[] procs = _physics.ProcessesFor[type];
        double[][] tabs = _physics.SigmaTables[type][mat];
        double lnT = Math.Log(p.T);
        EnergyGrid grid = _physics.Grid;
        Span<double> acc = stackalloc double[procs.Length];
        double tot = 0.0;
        for (int k = 0; k < procs.Length; k++) { tot += grid.Interpolate(tabs[k], lnT); acc[k] = tot; }
        if (!(tot > 0)) return true;
        double u = rng.NextDouble() * tot;
        int sel = 0;
        while (sel < procs.Length - 1 && u >= acc[sel]) sel++;
        int pi = procs[sel];
        var incoming = new ParticleState(p.Type, p.T, p.Ux, p.Uy, p.Uz, mat);
        obs.OnInteraction(pi, incoming, p.Slab);
        ledger.Interactions++;
        long t0 = _profile ? Stopwatch.GetTimestamp() : 0;
        Interaction r = _processes[pi].Interact(incoming, ref rng);
        if (_profile) { _processTicks[pi] += Stopwatch.GetTimestamp() - t0; _processCalls[pi]++; }
        if (r.LocalDepositGeV > 0)
        {
            obs.OnDeposit(p.Slab, p.X, p.Y, r.LocalDepositGeV);
            ledger.DepositedGeV += r.LocalDepositGeV;
        }
        if (r.InvisibleGeV > 0)
        {
            obs.OnInvisible(pi, r.InvisibleGeV, p.Slab);
            ledger.InvisibleGeV += r.InvisibleGeV;
        }
        if (r.SecondaryCount > 0 && r.Secondary0.Type == ShowerSpecies.Positron) ledger.PositronsCreated++;
        if (r.SecondaryCount > 1 && r.Secondary1.Type == ShowerSpecies.Positron) ledger.PositronsCreated++;
        if (r.Absorbed && p.Type == ShowerSpecies.Positron) ledger.PositronsEnded++;
        if (r.SecondaryCount > 0) Emit(r.Secondary0, ref p, mat, ref rng, ref obs, ref ledger);
        if (r.SecondaryCount > 1) Emit(r.Secondary1, ref p, mat, ref rng, ref obs, ref ledger);
        if (r.Absorbed) return false;
        p.T = r.KineticEnergyGeV;
        p.Ux = r.Ux; p.Uy = r.Uy; p.Uz = r.Uz;
        if (p.T <= (p.Type is ShowerSpecies.MuonMinus or ShowerSpecies.MuonPlus ? MuonTrackingCutGeV : _trackingCut))
        {
            Stop(ref p, ref rng, ref obs, ref ledger);
            return false;
        }
        return true;
    }

    private void Emit<TObserver>(in SecondaryParticle s, ref Track parent, int mat, ref EventRng rng, ref TObserver obs, ref EventLedger ledger)
        where TObserver : struct, IShowerObserver
    {
        bool keep;
        if (s.Type == ShowerSpecies.Gamma) keep = s.KineticEnergyGeV > _trackingCut;
        else if (s.Type is ShowerSpecies.Electron or ShowerSpecies.Positron)
        {
            keep = s.KineticEnergyGeV > _eCut[mat];
            if (!keep && s.KineticEnergyGeV > _trackingCut)
            {
                // Range rejection at birth (see TransportCharged).
                double safety = Math.Min(parent.Z - _geo.ZEdgesCm[parent.Slab], _geo.ZEdgesCm[parent.Slab + 1] - parent.Z);
                keep = _physics.RangeCm(s.Type, mat, s.KineticEnergyGeV) >= safety;
            }
        }
        else keep = s.KineticEnergyGeV > MuonTrackingCutGeV;
        if (keep)
        {
            _stack.Push(s.Type, s.KineticEnergyGeV, parent.X, parent.Y, parent.Z, s.Ux, s.Uy, s.Uz, parent.Slab, false);
            return;
        }
        var t = new Track { Type = s.Type, T = s.KineticEnergyGeV, X = parent.X, Y = parent.Y, Z = parent.Z, Ux = s.Ux, Uy = s.Uy, Uz = s.Uz, Slab = parent.Slab };
        Stop(ref t, ref rng, ref obs, ref ledger);
    }

    /// <summary>Deposits the kinetic energy locally; a positron then annihilates at rest into two 511 keV photons.</summary>
    private void Stop<TObserver>(ref Track p, ref EventRng rng, ref TObserver obs, ref EventLedger ledger)
        where TObserver : struct, IShowerObserver
    {
        if (p.T > 0)
        {
            if (p.Type != ShowerSpecies.Gamma)
            {
                // Range-out step: the particle would travel its residual CSDA range while depositing T; report it so
                // track-length estimators match codes that track e± to zero energy (Geant4 TestEm2/3 definitions).
                int m = _geo.SlabMaterial[p.Slab];
                double r = _physics.RangeCm(p.Type, m, p.T);
                obs.OnStep(new StepPoint(p.Type, p.Primary, p.T, p.T, r, p.Slab, m, _x0[m]));
            }
            obs.OnDeposit(p.Slab, p.X, p.Y, p.T);
            ledger.DepositedGeV += p.T;
            ledger.BelowCutGeV += p.T;
        }
        if (p.Type != ShowerSpecies.Positron) return;
        ledger.PositronsEnded++;
        (SecondaryParticle a, SecondaryParticle b) = AnnihilationSampler.AtRest(ref rng);
        int mat = _geo.SlabMaterial[p.Slab];
        p.T = 0;
        p.Type = ShowerSpecies.Electron;   // the parent is gone; only its position matters for Emit
        Emit(a, ref p, mat, ref rng, ref obs, ref ledger);
        Emit(b, ref p, mat, ref rng, ref obs, ref ledger);
    }

    private static void Leak<TObserver>(ref Track p, ref TObserver obs, ref EventLedger ledger)
        where TObserver : struct, IShowerObserver
    {
        double e = ShowerSpeciesInfo.BudgetGeV(p.Type, p.T);
        if (p.Type == ShowerSpecies.Positron) ledger.PositronsEnded++;
        obs.OnLeak(p.Type, e);
        ledger.LeakedGeV += e;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private (double S, bool Lateral) DistanceToBoundary(ref Track p)
    {
        double sz = double.PositiveInfinity;
        if (p.Uz > 0) sz = (_geo.ZEdgesCm[p.Slab + 1] - p.Z) / p.Uz;
        else if (p.Uz < 0) sz = (_geo.ZEdgesCm[p.Slab] - p.Z) / p.Uz;
        if (sz < 0) sz = 0;
        double st = DistanceToLateral(ref p);
        return st < sz ? (st, true) : (sz, false);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double DistanceToLateral(ref Track p)
    {
        double st;
        double h = _geo.TransverseSizeCm;
        if (_geo.Shape == TransverseShape.Box)
        {
            double sx = p.Ux > 0 ? (h - p.X) / p.Ux : p.Ux < 0 ? (-h - p.X) / p.Ux : double.PositiveInfinity;
            double sy = p.Uy > 0 ? (h - p.Y) / p.Uy : p.Uy < 0 ? (-h - p.Y) / p.Uy : double.PositiveInfinity;
            st = Math.Min(sx, sy);
        }
        else
        {
            double a = p.Ux * p.Ux + p.Uy * p.Uy;
            if (a <= 1e-300) st = double.PositiveInfinity;
            else
            {
                double b = p.X * p.Ux + p.Y * p.Uy, c = p.X * p.X + p.Y * p.Y - h * h;
                double disc = b * b - a * c;
                st = disc <= 0 ? 0.0 : (-b + Math.Sqrt(disc)) / a;
            }
        }
        if (st < 0) st = 0;
        return st;
    }

    private bool Outside(double x, double y)
    {
        double h = _geo.TransverseSizeCm;
        return _geo.Shape == TransverseShape.Box ? Math.Abs(x) >= h || Math.Abs(y) >= h : x * x + y * y >= h * h;
    }

    /// <summary>Moves the track across the face it has reached (the far face if <paramref name="forward"/>) into the
    /// neighbouring slab; false if that leaves the stack.</summary>
    private bool CrossPlane(ref Track p, bool forward)
    {
        if (forward)
        {
            p.Z = _geo.ZEdgesCm[p.Slab + 1];
            p.Slab++;
            return p.Slab < _geo.SlabCount;
        }
        p.Z = _geo.ZEdgesCm[p.Slab];
        p.Slab--;
        return p.Slab >= 0;
    }

    /// <summary>z = λ1(1 − e^{−t/λ1}), cm.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double GeometricLength(double t, double lambda1)
    {
        if (double.IsPositiveInfinity(t)) return t;
        double x = t / lambda1;
        return x < 1e-3 ? t * (1.0 - 0.5 * x) : lambda1 * (1.0 - Math.Exp(-x));
    }

    /// <summary>Inverse of <see cref="GeometricLength"/>: t = −λ1 ln(1 − z/λ1), cm.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double TrueLength(double z, double lambda1)
    {
        double x = z / lambda1;
        if (x < 1e-3) return z * (1.0 + 0.5 * x);
        return x < 1.0 ? -lambda1 * Math.Log(1.0 - x) : double.PositiveInfinity;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Gaussian(ref EventRng rng) =>
        Math.Sqrt(-2.0 * Math.Log(rng.NextDoubleOpenZero())) * Math.Cos(2.0 * Math.PI * rng.NextDouble());

    /// <summary>Electron mass, GeV (for callers composing energy budgets).</summary>
    public static double ElectronMassGeV => PhysicalConstants.ElectronMassGeV;
}

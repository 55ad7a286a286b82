using Emiss.Core.Constants;
using Emiss.Core.Random;
using Emiss.Shower.Fast;
using Emiss.Shower.Geometry;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Processes;
using Emiss.Shower.Processes.MultipleScattering;
using Emiss.Shower.Response;
using Emiss.Shower.Scoring;

namespace Emiss.Shower.Transport;

/// <summary>
/// The transport loop (condensed history, class II). One instance per worker thread: it owns the particle stack
/// and reuses it, so a warmed-up event allocates nothing. The loop only sees <see cref="IProcess"/>,
/// <see cref="IMultipleScattering"/> and the tables of <see cref="ShowerPhysics"/>; it never names a model.
/// <para>The roles live in separate files: this one (the particle stack), charged stepping
/// (ShowerTransport.Charged.cs), multiple scattering (ShowerTransport.Scattering.cs), photon Woodcock tracking (ShowerTransport.Photon.cs), discrete interactions
/// (ShowerTransport.Interactions.cs), secondaries and track ends (ShowerTransport.Secondaries.cs) and fast-mode
/// substitution (ShowerTransport.FastMode.cs); the stateless pieces are <see cref="SlabNavigator"/> (geometry),
/// <see cref="ContinuousLoss"/> (step function, straggling), <see cref="PathLength"/> (path-length correction),
/// <see cref="DiscreteProcessSelector"/> (cross sections) and <see cref="TransportProfile"/> (timing).</para>
/// </summary>
public sealed partial class ShowerTransport
{
    private const double MuonTrackingCutGeV = 1e-3;
    private readonly ShowerPhysics _physics;
    private readonly SlabStack _geo;
    private readonly SlabNavigator _nav;
    private readonly ParticleStack _stack = new();
    private readonly double[] _eCut, _x0;
    private readonly IProcess[] _processes;
    private readonly IMultipleScattering? _msc;
    private readonly bool _fluct;
    private readonly double _stepFraction, _finalRange, _trackingCut, _mscRangeFactor, _maxStep;
    private readonly double[] _rangeRejectionGeV;    // per material: max(e± cut, E_save)
    private readonly MscStepping _mscStepping;
    private readonly bool _randomHinge, _prestaII, _displaceFarFromBoundaries;
    private readonly (double, double)[] _mscScreening;   // per material: Molière's screening constants (PRESTA-II's G2/G1; empty otherwise)
    private readonly TransportProfile _profile;
    private readonly ShowerLibrary? _library;
    private readonly BirksSaturation? _birks;          // visible energy of scintillating slabs; null when none saturates

    /// <summary>Creates a worker for <paramref name="physics"/>. With <paramref name="profile"/> the time spent in each
    /// process's interactor and in multiple scattering is measured (adds ~50 ns per measured call).</summary>
    public ShowerTransport(ShowerPhysics physics, bool profile = false)
    {
        ArgumentNullException.ThrowIfNull(physics);
        _physics = physics;
        _geo = physics.Geometry;
        _nav = new SlabNavigator(_geo);
        _eCut = [.. physics.Materials.Materials.Select(m => m.ElectronCutGeV)];
        _x0 = [.. physics.Materials.Materials.Select(m => m.RadiationLengthCm)];
        _processes = [.. physics.Processes];
        _msc = physics.Scattering;
        _fluct = physics.Options.EnergyLossFluctuations;
        _stepFraction = physics.Options.StepFraction;
        _finalRange = physics.Options.FinalRangeCm;
        _trackingCut = physics.Options.TrackingCutGeV;
        _mscRangeFactor = physics.Options.MscRangeFactor;
        _maxStep = physics.Options.MaxStepCm;
        _rangeRejectionGeV = [.. _eCut.Select(c => Math.Max(c, physics.Options.RangeRejectionGeV))];
        _mscStepping = physics.Options.MscStepping;
        _randomHinge = physics.Options.MscSpatial == MscSpatial.RandomHinge;
        _prestaII = physics.Options.MscSpatial == MscSpatial.PrestaII;
        _displaceFarFromBoundaries = physics.Options.MscDisplacementFarFromBoundaries;
        _mscScreening = _prestaII
            ? [.. physics.Materials.Materials.Select(m => TransportCrossSection.MoliereScreeningConstants(new UrbanMaterialParameters(m).ZEff))]
            : [];
        _profile = new TransportProfile(_processes.Length, profile);
        _birks = physics.Saturation;
    }

    /// <summary>Visible part of a deposit along a charged step that started at kinetic energy <paramref name="startKineticGeV"/>.</summary>
    private double VisibleAlongStep(int slab, ShowerSpecies type, double startKineticGeV, double energyGeV) =>
        _birks is null ? energyGeV : _birks.AlongStep(slab, type, startKineticGeV, energyGeV);

    /// <summary>Visible part of a deposit at a point.</summary>
    private double VisibleAtPoint(int slab, double energyGeV) => _birks is null ? energyGeV : _birks.AtPoint(slab, energyGeV);

    /// <summary>Creates a worker that replaces low-energy e± and γ by showers of <paramref name="library"/> (fast mode;
    /// null = analog). The library must serve this <paramref name="physics"/> (<see cref="ShowerLibrary.Serves"/>).</summary>
    /// <exception cref="ArgumentException">The library belongs to other physics.</exception>
    public ShowerTransport(ShowerPhysics physics, ShowerLibrary? library, bool profile = false)
        : this(physics, profile)
    {
        if (library is not null && !library.Serves(physics))
            throw new ArgumentException("the shower library was built for another geometry or other physics options", nameof(library));
        _library = library;
    }

    /// <summary>The shower library in use (fast mode), or null (analog).</summary>
    public ShowerLibrary? Library => _library;

    /// <summary>The physics this worker transports with.</summary>
    public ShowerPhysics Physics => _physics;

    /// <summary>Stopwatch ticks spent in each process's <see cref="IProcess.Interact"/> (profiling mode), by process index.</summary>
    public IReadOnlyList<long> ProcessTicks => _profile.ProcessTicks;

    /// <summary>Number of <see cref="IProcess.Interact"/> calls per process.</summary>
    public IReadOnlyList<long> ProcessCalls => _profile.ProcessCalls;

    /// <summary>Stopwatch ticks spent placing library showers, scoring included (fast mode, profiling mode).</summary>
    public long SubstitutionTicks => _profile.SubstitutionTicks;

    /// <summary>Stopwatch ticks spent in multiple scattering (profiling mode).</summary>
    public long ScatteringTicks => _profile.ScatteringTicks;

    /// <summary>Charged steps by what set their length and by kinetic energy (profiling mode; layout <see cref="StepCauseCounts"/>).</summary>
    public IReadOnlyList<long> StepCauseCounts => _profile.StepCounts;

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
        long tracks = 0, maxTracks = TransportBounds.MaxTracks(ledger.BudgetGeV, _trackingCut);
        while (_stack.Count > 0)
        {
            int i = _stack.Pop();
            var p = new TrackState
            {
                Type = _stack.Type[i], T = _stack.T[i], X = _stack.X[i], Y = _stack.Y[i], Z = _stack.Z[i],
                Ux = _stack.Ux[i], Uy = _stack.Uy[i], Uz = _stack.Uz[i], Slab = _stack.Slab[i], Primary = _stack.Primary[i],
            };
            if (++tracks > maxTracks) throw TransportBounds.Exceeded("the event's track loop", maxTracks, p, rng);
            if (_library is not null && TrySubstitute(ref p, ref rng, ref observer, ref ledger)) continue;
            if (p.Type == ShowerSpecies.Gamma) TransportPhoton(ref p, ref rng, ref observer, ref ledger);
            else TransportCharged(ref p, ref rng, ref observer, ref ledger);
        }
        return ledger;
    }

    /// <summary>Electron mass, GeV (for callers composing energy budgets).</summary>
    public static double ElectronMassGeV => PhysicalConstants.ElectronMassGeV;
}

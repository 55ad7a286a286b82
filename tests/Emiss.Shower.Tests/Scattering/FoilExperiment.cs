using Emiss.Core.Materials;
using Emiss.Core.Random;
using Emiss.Shower.Geometry;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Scoring;
using Emiss.Shower.Transport;

namespace Emiss.Shower.Tests.Scattering;

/// <summary>
/// A pencil beam of electrons on one slab (a foil or a thick block) of a wide box: the particles that leave through the
/// back face (transmitted) and through the front face (backscattered), for the multiple-scattering validations.
/// </summary>
internal sealed class FoilExperiment
{
    private FoilExperiment(List<LeavingParticle> leaks, int[] firstLeakOfEvent, int events, double thicknessCm)
    {
        Leaks = leaks;
        _firstLeakOfEvent = firstLeakOfEvent;
        Events = events;
        ThicknessCm = thicknessCm;
    }

    // Index in Leaks of each event's first leaving particle (the event's leaks are Leaks[first[i] .. first[i + 1])).
    private readonly int[] _firstLeakOfEvent;

    public List<LeavingParticle> Leaks { get; }

    public int Events { get; }

    public double ThicknessCm { get; }

    /// <summary>Gold, Z = 79 (PDG atomic and nuclear properties: ρ = 19.32 g/cm³, X0 = 6.46 g/cm², I = 790 eV,
    /// Sternheimer −C = 5.5747, x0 = 0.2021, x1 = 3.6979, a = 0.09756, k = 3.1101, δ0 = 0.14). Only the electron
    /// density, X0 and I matter for a 10–20 μm foil; E_c, R_M and λ_I are PDG values carried for completeness.</summary>
    public static Material Gold { get; } = new("Au", [new("Au", 79, 196.966570, 1.0)], 19.32, 6.46, 8.83e-3, 8.51e-3,
        0.8132, 10.21, 1.134e-3, 790e-9, new SternheimerParameters(5.5747, 0.2021, 3.6979, 0.09756, 3.1101, 0.14));

    /// <summary>Runs <paramref name="events"/> electrons of <paramref name="kineticGeV"/> normally on a slab of
    /// <paramref name="material"/> of <paramref name="thicknessCm"/>.</summary>
    public static FoilExperiment Run(Material material, double thicknessCm, double kineticGeV, int events, ulong seed,
        PhysicsOptions? options = null)
    {
        var physics = new ShowerPhysics(Slab(material, thicknessCm), options ?? PhysicsOptions.Standard);
        var transport = new ShowerTransport(physics);
        var leaks = new List<LeavingParticle>();
        var recorder = new LeakRecorder(leaks);
        var firstLeak = new int[events + 1];
        for (int i = 0; i < events; i++)
        {
            firstLeak[i] = leaks.Count;
            EventRng rng = RngStreams.For(seed, StreamKind.Shower, (ulong)i);
            transport.RunEvent(ShowerSpecies.Electron, kineticGeV, ref rng, ref recorder);
        }
        firstLeak[events] = leaks.Count;
        return new FoilExperiment(leaks, firstLeak, events, thicknessCm);
    }

    /// <summary>The engine's CSDA range (continuous loss below the e± cut of <paramref name="options"/>) of an electron of
    /// <paramref name="kineticGeV"/> in <paramref name="material"/>, cm: how thick a slab must be to stop it.</summary>
    public static double CsdaRangeCm(Material material, double kineticGeV, PhysicsOptions options) =>
        Physics(material, options).RangeCm(ShowerSpecies.Electron, 0, kineticGeV);

    /// <summary>The engine's physics for a slab of <paramref name="material"/> (its only material, index 0 of the set).</summary>
    public static ShowerPhysics Physics(Material material, PhysicsOptions options) => new(Slab(material, 1.0), options);

    private static SlabStack Slab(Material material, double thicknessCm) =>
        SlabStack.Build("foil", "one slab in a wide box", [new SlabLayer(material, thicknessCm, true, "foil")],
            TransverseShape.Box, 50.0, new CellGrid(1, 1, 100.0), 0.01, 10);

    /// <summary>Electrons above <paramref name="minKineticGeV"/> leaving through the back face.</summary>
    public LeavingParticle[] Transmitted(double minKineticGeV) => [.. Leaks.Where(l => IsTransmitted(l, minKineticGeV))];

    /// <summary>Number of events in which at least one electron above <paramref name="minKineticGeV"/> leaves through the back
    /// face (a binomial count, unlike <see cref="Transmitted"/>, which counts every electron of an event).</summary>
    public int EventsTransmitting(double minKineticGeV)
    {
        int n = 0;
        for (int i = 0; i < Events; i++)
        {
            for (int k = _firstLeakOfEvent[i]; k < _firstLeakOfEvent[i + 1]; k++)
            {
                if (IsTransmitted(Leaks[k], minKineticGeV))
                {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    private bool IsTransmitted(in LeavingParticle l, double minKineticGeV) =>
        l.Type == ShowerSpecies.Electron && l.Uz > 0 && l.ZCm >= ThicknessCm * (1 - 1e-9) && l.KineticEnergyGeV > minKineticGeV;

    /// <summary>Electrons (primaries and secondaries) leaving through the front face.</summary>
    public LeavingParticle[] BackscatteredElectrons() => [.. Leaks.Where(l => l.Type == ShowerSpecies.Electron && l.Uz < 0 && l.ZCm <= 1e-9)];
}

using Emiss.Detector.Beam;

namespace Emiss.Detector.BeamLine;

/// <summary>
/// What happened to one beam particle between S1 and the ECAL face: counter signals, tracker hits, synchrotron
/// photons in the SRD, bremsstrahlung photons and the particles arriving at the ECAL. A reusable buffer (one
/// per worker); positions at the ECAL face are relative to the nominal beam axis.
/// </summary>
public sealed class BeamLineRecord
{
    /// <summary>Maximum number of particles recorded at the ECAL face (primary + bremsstrahlung photons).</summary>
    public const int MaxArrivals = 64;

    /// <summary>Creates an empty record for <paramref name="trackers"/> stations.</summary>
    public BeamLineRecord(int trackers)
    {
        HitX = new double[trackers];
        HitY = new double[trackers];
        HitValid = new bool[trackers];
    }

    /// <summary>The beam particle as it entered the beam line (set by <see cref="BeamLineTransport"/>, or by the pipeline
    /// for a process that transports the primary itself, <see cref="Pipeline.IEventPhysics.TransportsPrimary"/>): a
    /// process that transports the event (a forced interaction, a changed energy) starts from it.</summary>
    public BeamParticle Primary { get; internal set; }

    /// <summary>Bit i set if beam counter i fired.</summary>
    public int CountersFired { get; set; }

    /// <summary>Measured x per tracker station, cm (valid where <see cref="HitValid"/>).</summary>
    public double[] HitX { get; }

    /// <summary>Measured y per tracker station, cm.</summary>
    public double[] HitY { get; }

    /// <summary>Whether each station recorded a hit.</summary>
    public bool[] HitValid { get; }

    /// <summary>Synchrotron energy radiated by the primary in all dipoles, GeV (truth).</summary>
    public double SrRadiatedGeV { get; set; }

    /// <summary>Synchrotron energy entering the SRD (accepted band, above the window cut-off), GeV (truth).</summary>
    public double SrdTrueGeV { get; set; }

    /// <summary>Lower end of this event's SRD electronics noise, GeV: NaN (the default) draws the noise from the full
    /// Gaussian; a value conditions it on reaching this energy (the noise-only part of <see cref="SrdFakeTag"/>, whose
    /// probability the source has put in its rate). Read by the digitization.</summary>
    public double SrdNoiseMinGeV { get; set; } = double.NaN;

    /// <summary>Energy carried by bremsstrahlung photons emitted in upstream material, GeV (truth).</summary>
    public double UpstreamBremGeV { get; set; }

    /// <summary>True if the primary was lost in a dipole (momentum too low to cross its field; see
    /// <see cref="BeamLineTransport"/>): it fired no downstream counter or tracker and is not among the arrivals.</summary>
    public bool PrimaryLost { get; set; }

    /// <summary>Number of particles arriving at the ECAL face plane.</summary>
    public int ArrivalCount { get; set; }

    /// <summary>Species of each arrival.</summary>
    public DetectorSpecies[] ArrivalKind { get; } = new DetectorSpecies[MaxArrivals];

    /// <summary>Energy of each arrival, GeV.</summary>
    public double[] ArrivalEnergyGeV { get; } = new double[MaxArrivals];

    /// <summary>x of each arrival at z = 0 relative to the nominal beam axis, cm.</summary>
    public double[] ArrivalXCm { get; } = new double[MaxArrivals];

    /// <summary>y of each arrival at z = 0, cm.</summary>
    public double[] ArrivalYCm { get; } = new double[MaxArrivals];

    /// <summary>For a hadron arrival whose first nuclear interaction a process has already sampled (an importance-sampled
    /// depth, docs/physics/hadron-biasing.md): the interaction lengths λ_I it crosses before interacting, counted from where
    /// it enters the calorimeter stack; NaN (every arrival's default) lets the calorimeter draw the depth itself.</summary>
    public double[] ArrivalInteractionLambda { get; } = CreateUnsetDepths();

    /// <summary>For a muon arrival whose decay a process has already sampled (forced decays,
    /// docs/physics/muon-pairs.md#decay-in-the-calorimeters): its proper time at decay in mean lifetimes, counted from where it
    /// enters the calorimeter stack; NaN (every arrival's default) lets the calorimeter draw it.</summary>
    public double[] ArrivalDecayLifetimes { get; } = CreateUnsetDepths();

    /// <summary>For an e± or photon arrival created inside the ECAL by a process (the photons of a hadron's interaction
    /// there): the depth in X0 from the ECAL face where its shower starts; NaN (every arrival's default) starts it at the
    /// face.</summary>
    public double[] ArrivalShowerDepthX0 { get; } = CreateUnsetDepths();

    private static double[] CreateUnsetDepths()
    {
        var d = new double[MaxArrivals];
        Array.Fill(d, double.NaN);
        return d;
    }

    /// <summary>Resets to an empty record.</summary>
    public void Clear()
    {
        CountersFired = 0;
        Array.Clear(HitValid);
        SrRadiatedGeV = 0;
        SrdTrueGeV = 0;
        SrdNoiseMinGeV = double.NaN;
        UpstreamBremGeV = 0;
        PrimaryLost = false;
        ArrivalCount = 0;
    }

    /// <summary>Adds a particle arriving at the ECAL face (dropped, with its energy, once <see cref="MaxArrivals"/> are
    /// recorded: only soft photons are that numerous).</summary>
    public void AddArrival(DetectorSpecies kind, double e, double x, double y)
    {
        if (ArrivalCount >= MaxArrivals) return; // further soft photons are dropped (energy bookkeeping only)
        ArrivalKind[ArrivalCount] = kind;
        ArrivalEnergyGeV[ArrivalCount] = e;
        ArrivalXCm[ArrivalCount] = x;
        ArrivalYCm[ArrivalCount] = y;
        ArrivalInteractionLambda[ArrivalCount] = double.NaN;
        ArrivalDecayLifetimes[ArrivalCount] = double.NaN;
        ArrivalShowerDepthX0[ArrivalCount] = double.NaN;
        ArrivalCount++;
    }

    /// <summary>Fixes the first-interaction depth of hadron arrival <paramref name="index"/> at <paramref name="lambda"/>
    /// interaction lengths into the calorimeter stack (<see cref="ArrivalInteractionLambda"/>).</summary>
    public void SetInteractionDepth(int index, double lambda)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)ArrivalCount, nameof(index));
        if (!(lambda >= 0) || double.IsInfinity(lambda))
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "first-interaction depth must be a finite number of λ_I ≥ 0");
        ArrivalInteractionLambda[index] = lambda;
    }

    /// <summary>Starts the shower of e± or photon arrival <paramref name="index"/> at <paramref name="depthX0"/> radiation
    /// lengths below the ECAL face (<see cref="ArrivalShowerDepthX0"/>).</summary>
    public void SetShowerDepth(int index, double depthX0)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)ArrivalCount, nameof(index));
        if (ArrivalKind[index] is not (DetectorSpecies.Photon or DetectorSpecies.Electron or DetectorSpecies.Positron))
            throw new ArgumentException($"arrival {index} is a {ArrivalKind[index]}: only e± and photon showers start below the face", nameof(index));
        if (!(depthX0 >= 0) || double.IsInfinity(depthX0))
            throw new ArgumentOutOfRangeException(nameof(depthX0), depthX0, "shower start depth must be a finite number of X0 ≥ 0");
        ArrivalShowerDepthX0[index] = depthX0;
    }

    /// <summary>Fixes the proper time at decay, in mean lifetimes, of muon arrival <paramref name="index"/>
    /// (<see cref="ArrivalDecayLifetimes"/>).</summary>
    public void SetDecayLifetimes(int index, double lifetimes)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)ArrivalCount, nameof(index));
        if (ArrivalKind[index] is not (DetectorSpecies.MuonMinus or DetectorSpecies.MuonPlus))
            throw new ArgumentException($"arrival {index} is a {ArrivalKind[index]}: only muons have a forced decay", nameof(index));
        if (!(lifetimes >= 0) || double.IsInfinity(lifetimes))
            throw new ArgumentOutOfRangeException(nameof(lifetimes), lifetimes, "proper time at decay must be a finite number of lifetimes ≥ 0");
        ArrivalDecayLifetimes[index] = lifetimes;
    }

    /// <summary>Replaces arrival <paramref name="index"/> (a process acting on it: decay, interaction at the ECAL face).</summary>
    public void SetArrival(int index, DetectorSpecies kind, double e, double x, double y)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)ArrivalCount, nameof(index));
        ArrivalKind[index] = kind;
        ArrivalEnergyGeV[index] = e;
        ArrivalXCm[index] = x;
        ArrivalYCm[index] = y;
        ArrivalInteractionLambda[index] = double.NaN;
        ArrivalDecayLifetimes[index] = double.NaN;
        ArrivalShowerDepthX0[index] = double.NaN;
    }

    /// <summary>Removes arrival <paramref name="index"/>, keeping the order of the others.</summary>
    public void RemoveArrival(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)ArrivalCount, nameof(index));
        for (int i = index + 1; i < ArrivalCount; i++)
        {
            ArrivalKind[i - 1] = ArrivalKind[i];
            ArrivalEnergyGeV[i - 1] = ArrivalEnergyGeV[i];
            ArrivalXCm[i - 1] = ArrivalXCm[i];
            ArrivalYCm[i - 1] = ArrivalYCm[i];
            ArrivalInteractionLambda[i - 1] = ArrivalInteractionLambda[i];
            ArrivalDecayLifetimes[i - 1] = ArrivalDecayLifetimes[i];
            ArrivalShowerDepthX0[i - 1] = ArrivalShowerDepthX0[i];
        }
        ArrivalCount--;
    }
}

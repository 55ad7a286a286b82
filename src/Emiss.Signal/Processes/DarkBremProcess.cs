using Emiss.Core.Constants;
using Emiss.Core.Random;
using Emiss.Shower;
using Emiss.Shower.Processes;
using Emiss.Signal.Biasing;

namespace Emiss.Signal.Processes;

/// <summary>
/// A′-strahlung e± Z → e± Z A′ as a shower process (docs/physics/aprime-emission.md#biasing-and-weights) with a biased cross section B ε² Σ(E; x E &gt; E_cut).
/// At most one emission per event: after it, and for emitters that cannot put more than E_cut into the A′, an
/// interaction is a null collision (the lepton continues unchanged; by memorylessness this leaves the rest of the
/// shower unbiased). x is sampled from the material's <see cref="Tables.DarkBremTable"/> at the total energy of the
/// start of the emitting step (the energy its rate was evaluated at); the A′ goes along the lepton direction and the
/// recoil keeps that direction with the remaining energy (invisible mode, docs/physics/aprime-emission.md#recoil-convention recoil convention).
/// The A′ energy is reported as invisible. One instance per transport worker (it shares the worker's
/// <see cref="EmissionState"/>).
/// </summary>
public sealed class DarkBremProcess : IProcess
{
    private const double Me = PhysicalConstants.ElectronMassGeV;
    private readonly SignalRates _rates;
    private readonly EmissionState _state;

    private readonly bool _angles;

    /// <summary>Creates the process for one worker; with <paramref name="sampleAngles"/> the A′ angle is sampled
    /// (<see cref="Tables.EmissionAngleSampler"/>) and the recoil takes the opposite transverse momentum (nucleus
    /// recoil neglected); otherwise both keep the lepton direction (docs/physics/aprime-emission.md#recoil-convention invisible-mode convention).</summary>
    public DarkBremProcess(SignalRates rates, EmissionState state, bool sampleAngles = false)
    {
        _rates = rates ?? throw new ArgumentNullException(nameof(rates));
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _angles = sampleAngles;
    }

    /// <inheritdoc />
    public string Name => "aprimeBrem";

    /// <inheritdoc />
    public bool AppliesTo(ShowerSpecies particle) => particle is ShowerSpecies.Electron or ShowerSpecies.Positron;

    /// <inheritdoc />
    public double InverseMeanFreePathPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV) =>
        AppliesTo(particle) ? _rates.BiasedBremTabulated(materialIndex, kineticGeV) : 0.0;

    /// <inheritdoc />
    public double ContinuousLossGeVPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV) => 0.0;

    /// <inheritdoc />
    public Interaction Interact(in ParticleState incoming, ref EventRng rng)
    {
        if (!_state.Armed || !(_state.StepBremTrue > 0)) return Interaction.Unchanged(incoming);
        double eStart = _state.StepKineticGeV + Me;
        double x = _rates.Tables[incoming.MaterialIndex].SampleX(eStart, ref rng);
        // x E_start can exceed the post-step kinetic energy only by the step's continuous loss (MeV against tens of
        // GeV); clamp so the recoil keeps T ≥ 0 and the energy budget closes exactly.
        double eA = Math.Min(x * eStart, incoming.KineticEnergyGeV);
        Interaction r = Interaction.Unchanged(incoming);
        r.KineticEnergyGeV = incoming.KineticEnergyGeV - eA;
        r.InvisibleGeV = eA;
        (double ax, double ay, double az) = (incoming.Ux, incoming.Uy, incoming.Uz);
        if (_angles && r.KineticEnergyGeV > 0)
        {
            double theta = Tables.EmissionAngleSampler.SampleTheta(eStart, eA / eStart, _rates.Tables.MassGeV, ref rng);
            double phi = 2 * Math.PI * rng.NextDouble();
            (ax, ay, az) = Emiss.Shower.Processes.Kinematics.Direction.Deflect(incoming.Ux, incoming.Uy, incoming.Uz, Math.Cos(theta), phi);
            // Recoil momentum = lepton − A′ momentum (the nucleus takes |q| ~ m²/E_A′, neglected here).
            double m = _rates.Tables.MassGeV;
            double pIn = Math.Sqrt(incoming.KineticEnergyGeV * (incoming.KineticEnergyGeV + 2 * Me));
            double pA = Math.Sqrt(Math.Max(0.0, (eA - m) * (eA + m)));
            (r.Ux, r.Uy, r.Uz) = Emiss.Shower.Processes.Kinematics.Direction.Normalize(
                pIn * incoming.Ux - pA * ax, pIn * incoming.Uy - pA * ay, pIn * incoming.Uz - pA * az);
        }
        _state.Record(Biasing.EmissionKind.Bremsstrahlung, incoming.Type, eStart, eA, ax, ay, az, incoming.Ux, incoming.Uy, incoming.Uz,
            incoming.KineticEnergyGeV + Me);
        return r;
    }
}

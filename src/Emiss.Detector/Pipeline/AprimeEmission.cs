namespace Emiss.Detector.Pipeline;

/// <summary>
/// The A′ emission of a signal event inside the ECAL, relative to the energy E of the beam electron arriving at the
/// ECAL face (docs/physics/signal-efficiency.md#signal-event): the emitting lepton of the shower carries
/// <see cref="EmitterFraction"/>·E at depth <see cref="DepthX0"/>, the A′ takes <see cref="InvisibleFraction"/>·E and the
/// recoil keeps the rest of the emitter's energy. The energy the shower had already radiated, (1 − EmitterFraction)·E,
/// stays visible. An emission by the beam electron at the face is (1, x, 0).
/// </summary>
/// <param name="EmitterFraction">Emitter energy / E, in (0, 1].</param>
/// <param name="InvisibleFraction">A′ energy / E, in [0, <paramref name="EmitterFraction"/>].</param>
/// <param name="DepthX0">Depth of the emission below the ECAL face, radiation lengths (≥ 0).</param>
public readonly record struct AprimeEmission(double EmitterFraction, double InvisibleFraction, double DepthX0)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless 0 ≤ InvisibleFraction ≤ EmitterFraction ≤ 1 and DepthX0 ≥ 0.</summary>
    public void Validate()
    {
        if (!(EmitterFraction > 0 && EmitterFraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(EmitterFraction), EmitterFraction, "the emitter fraction must lie in (0, 1]");
        if (!(InvisibleFraction >= 0 && InvisibleFraction <= EmitterFraction))
            throw new ArgumentOutOfRangeException(nameof(InvisibleFraction), InvisibleFraction, $"the A′ fraction must lie in [0, {EmitterFraction}] (the emitter's share)");
        if (!(DepthX0 >= 0 && double.IsFinite(DepthX0)))
            throw new ArgumentOutOfRangeException(nameof(DepthX0), DepthX0, "the emission depth must be finite and ≥ 0");
    }
}

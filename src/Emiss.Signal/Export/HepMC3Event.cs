namespace Emiss.Signal.Export;

/// <summary>
/// A HepMC3 event as written in Asciiv3: particles in file order, explicit vertices (those with &gt; 1 incoming
/// particle or a non-zero position), the number of vertices including implicit one-incoming ones, weights and
/// event attributes (id 0).
/// </summary>
/// <param name="EventNumber">Event number.</param>
/// <param name="VertexCount">All vertices, implicit ones included.</param>
/// <param name="Particles">Particles, ids 1..N in order.</param>
/// <param name="Vertices">Explicit vertices.</param>
/// <param name="Weights">Event weights (one per run weight name).</param>
/// <param name="Attributes">Event-level attributes (name → value).</param>
public sealed record HepMC3Event(long EventNumber, int VertexCount, IReadOnlyList<HepMC3Particle> Particles, IReadOnlyList<HepMC3Vertex> Vertices,
    IReadOnlyList<double> Weights, IReadOnlyList<KeyValuePair<string, string>> Attributes);

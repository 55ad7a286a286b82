namespace Emiss.Signal.Export;

/// <summary>One explicit HepMC3 vertex (a `V` line). Position in the event's length unit (here mm) and mm/c.</summary>
/// <param name="Id">Negative id.</param>
/// <param name="Status">Vertex status (0).</param>
/// <param name="Incoming">Ids of the incoming particles.</param>
/// <param name="X">x.</param>
/// <param name="Y">y.</param>
/// <param name="Z">z.</param>
/// <param name="T">t.</param>
public sealed record HepMC3Vertex(int Id, int Status, IReadOnlyList<int> Incoming, double X, double Y, double Z, double T);

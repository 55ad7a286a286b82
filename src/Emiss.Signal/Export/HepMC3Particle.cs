namespace Emiss.Signal.Export;

/// <summary>One HepMC3 particle (a `P` line; docs/physics/formats.md#hepmc3). Momenta and masses in GeV.</summary>
/// <param name="Id">1-based id, in file order.</param>
/// <param name="Parent">0 = no production vertex; &lt; 0 = vertex id; &gt; 0 = id of the single incoming particle of an implicit vertex.</param>
/// <param name="PdgId">PDG code.</param>
/// <param name="Px">p_x, GeV.</param>
/// <param name="Py">p_y, GeV.</param>
/// <param name="Pz">p_z, GeV.</param>
/// <param name="E">Energy, GeV.</param>
/// <param name="GeneratedMass">Generated mass, GeV.</param>
/// <param name="Status">1 = final, 2 = decayed/intermediate, 4 = beam/target.</param>
public sealed record HepMC3Particle(int Id, int Parent, int PdgId, double Px, double Py, double Pz, double E, double GeneratedMass, int Status);

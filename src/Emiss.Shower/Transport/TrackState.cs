namespace Emiss.Shower.Transport;

/// <summary>The particle being transported (data only): species, kinetic energy, position, direction, slab and whether
/// it is the primary. Copied out of the <see cref="ParticleStack"/> when popped and updated in place while stepping.</summary>
internal struct TrackState
{
    public ShowerSpecies Type;
    public double T, X, Y, Z, Ux, Uy, Uz;
    public int Slab;
    public bool Primary;
}

namespace Emiss.Shower.Processes;

/// <summary>
/// Final state of one discrete interaction, fixed size (no allocation): the incoming particle either survives with
/// a new energy and direction or is absorbed; up to two secondaries; energy deposited locally; energy carried away
/// invisibly (e.g. by an A′). The transport checks nothing else, so an interactor must conserve the energy budget
/// (<see cref="ShowerSpeciesInfo.BudgetGeV"/>) exactly: in = out + local + invisible.
/// </summary>
public record struct Interaction
{
    /// <summary>True if the incoming particle disappears.</summary>
    public bool Absorbed { get; set; }

    /// <summary>Kinetic energy of the surviving incoming particle, GeV.</summary>
    public double KineticEnergyGeV { get; set; }

    /// <summary>New direction x of the surviving incoming particle.</summary>
    public double Ux { get; set; }

    /// <summary>New direction y of the surviving incoming particle.</summary>
    public double Uy { get; set; }

    /// <summary>New direction z of the surviving incoming particle.</summary>
    public double Uz { get; set; }

    /// <summary>Energy deposited at the interaction point, GeV.</summary>
    public double LocalDepositGeV { get; set; }

    /// <summary>Energy that leaves invisibly (not deposited, not tracked), GeV.</summary>
    public double InvisibleGeV { get; set; }

    /// <summary>Number of secondaries (0–2).</summary>
    public int SecondaryCount { get; private set; }

    /// <summary>First secondary (valid if <see cref="SecondaryCount"/> ≥ 1).</summary>
    public SecondaryParticle Secondary0 { get; private set; }

    /// <summary>Second secondary (valid if <see cref="SecondaryCount"/> = 2).</summary>
    public SecondaryParticle Secondary1 { get; private set; }

    /// <summary>Starts a final state in which the incoming particle keeps its energy and direction.</summary>
    public static Interaction Unchanged(in ParticleState p) => new()
    {
        KineticEnergyGeV = p.KineticEnergyGeV, Ux = p.Ux, Uy = p.Uy, Uz = p.Uz,
    };

    /// <summary>Adds a secondary.</summary>
    /// <exception cref="InvalidOperationException">More than two secondaries.</exception>
    public void AddSecondary(in SecondaryParticle s)
    {
        switch (SecondaryCount)
        {
            case 0: Secondary0 = s; break;
            case 1: Secondary1 = s; break;
            default: throw new InvalidOperationException("an Interaction holds at most two secondaries");
        }
        SecondaryCount++;
    }
}

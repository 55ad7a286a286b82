namespace Emiss.Shower.Transport;

/// <summary>Energy balance and counters of one event. Deposited + Leaked + Invisible = Budget (to rounding).</summary>
public record struct EventLedger
{
    /// <summary>Energy the primary brought in (kinetic, + 2 m_e for e⁺), GeV.</summary>
    public double BudgetGeV { get; set; }

    /// <summary>Energy deposited in the slabs (continuous loss, local deposits, particles below cut), GeV.</summary>
    public double DepositedGeV { get; set; }

    /// <summary>Part of <see cref="DepositedGeV"/> from particles stopped or created below their cut, GeV.</summary>
    public double BelowCutGeV { get; set; }

    /// <summary>Energy carried out of the world volume, GeV.</summary>
    public double LeakedGeV { get; set; }

    /// <summary>Energy removed invisibly by processes (e.g. A′), GeV.</summary>
    public double InvisibleGeV { get; set; }

    /// <summary>Steps of charged particles.</summary>
    public long ChargedSteps { get; set; }

    /// <summary>Steps of photons.</summary>
    public long NeutralSteps { get; set; }

    /// <summary>Discrete interactions.</summary>
    public long Interactions { get; set; }

    /// <summary>Particles replaced by library showers (fast mode).</summary>
    public long Substitutions { get; set; }

    /// <summary>Library spots placed (fast mode): the scoring calls substitution costs.</summary>
    public long LibrarySpots { get; set; }

    /// <summary>Positrons that entered the event (primary e⁺ and pair products).</summary>
    public long PositronsCreated { get; set; }

    /// <summary>Positrons that ended (annihilated in flight or at rest, or leaked); equals <see cref="PositronsCreated"/> (charge conservation).</summary>
    public long PositronsEnded { get; set; }
}

namespace Emiss.Analysis.Blinding;

/// <summary>A request the blinding forbids (box content while blind, changed cuts after unblinding, an edited
/// ledger, truth of data). The message says what was refused, why, and what to do instead.</summary>
public sealed class BlindingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BlindingException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public BlindingException(string message, Exception inner) : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public BlindingException()
    {
    }
}

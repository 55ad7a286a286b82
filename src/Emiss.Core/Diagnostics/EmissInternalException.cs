namespace Emiss.Core.Diagnostics;

/// <summary>
/// A state the code should never reach whatever the input (a runaway loop, a broken invariant): a bug in Emiss,
/// not a problem with what the user asked for. The command line reports it as an internal error (exit code 70)
/// rather than as a usage error, and prints the stack trace with <c>--verbose</c>.
/// </summary>
public sealed class EmissInternalException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, with the values needed to reproduce it (energy, event index, seed).</param>
    public EmissInternalException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public EmissInternalException() { }

    /// <summary>Creates the exception.</summary>
    public EmissInternalException(string message, Exception inner) : base(message, inner) { }
}

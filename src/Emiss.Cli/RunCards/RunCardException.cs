namespace Emiss.Cli.RunCards;

/// <summary>A run card that cannot be used; the message names the field and the fix.</summary>
public sealed class RunCardException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RunCardException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public RunCardException() { }

    /// <summary>Creates the exception.</summary>
    public RunCardException(string message, Exception inner) : base(message, inner) { }
}

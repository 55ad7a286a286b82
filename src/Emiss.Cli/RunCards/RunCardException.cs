using Emiss.Core.Diagnostics;

namespace Emiss.Cli.RunCards;

/// <summary>A run card or set-up card that cannot be used; each line of the message names the field and the fix.</summary>
public sealed class RunCardException : UserInputException
{
    /// <summary>Creates the exception.</summary>
    public RunCardException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public RunCardException() { }

    /// <summary>Creates the exception.</summary>
    public RunCardException(string message, Exception inner) : base(message, inner) { }
}

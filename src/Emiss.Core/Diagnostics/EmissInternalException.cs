namespace Emiss.Core.Diagnostics;

/// <summary>An internal error of Emiss (a bug, or a loop that ran past its bound), never a user error.</summary>
public sealed class EmissInternalException : Exception
{
    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public EmissInternalException(string message) : base(message) { }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    public EmissInternalException(string message, Exception inner) : base(message, inner) { }
}
